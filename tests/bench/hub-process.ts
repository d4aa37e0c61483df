/** Starts a hub on loopback with a fresh demo library, for benchmarks. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHub {
  url: string;
  /** Its DATA_DIR: hub.sqlite, for benchmarks that check what it stored. */
  dataDir: string;
  stop(): void;
}

export async function startHub(port: number, env: Record<string, string> = {}): Promise<RunningHub> {
  const url = `http://127.0.0.1:${port}`;
  // A hub left over from an earlier run would answer for ours, with its own data.
  if (await fetch(`${url}/healthz`).then(() => true, () => false)) throw new Error(`port ${port} is already in use`);
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  // Node itself with tsx's loader (not npx): one process, so stopping it stops the hub.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HTTPS: 'off', // benchmarks run several hubs; none needs HTTPS_PORT
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: 'bench-staff-password',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  // However the benchmark ends, its hub ends with it.
  process.on('exit', () => child.kill('SIGTERM'));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`the hub exited with code ${child.exitCode}`);
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy) return { url, dataDir, stop: () => child.kill('SIGTERM') };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the hub did not start within 20 s');
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
