/**
 * A hub process of a spec's own (not the suite's demo hub from playwright.config.ts), on a chosen
 * port with a chosen DATA_DIR, which the spec can stop and start again: HTTPS, SIP2, the outage.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

export const STAFF_PASSWORD = 'some-long-password-123';

export interface HubOptions {
  port: number;
  dataDir: string;
  /** Added to (and over) the defaults: plain HTTP on 127.0.0.1, the staff password above, quiet logs. */
  env?: Record<string, string>;
  /** Named in errors: "the SIP2 hub did not start". */
  name?: string;
}

export interface SpawnedHub {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Everything the process printed, over all its starts. */
  output(): string;
  start(): Promise<void>;
  /** SIGTERM, and waits for the process to end (its port is free again). */
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/** A port nobody listens on just now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function spawnHub({ port, dataDir, env = {}, name = 'hub' }: HubOptions): SpawnedHub {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  async function waitUntilHealthy(withinMs: number): Promise<void> {
    const until = Date.now() + withinMs;
    while (Date.now() < until) {
      if (child === null || child.exitCode !== null) throw new Error(`the ${name} stopped (${child?.exitCode}):\n${output}`);
      if (await fetch(`${url}/healthz`).then((response) => response.ok, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the ${name} did not start within ${withinMs} ms:\n${output}`);
  }

  const hub: SpawnedHub = {
    url,
    output: () => output,
    async start() {
      if (child !== null) throw new Error(`the ${name} is running already`);
      // Node itself with tsx's loader (not npx): one process, so stopping it stops the hub.
      child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          HTTPS: 'off',
          DATA_DIR: dataDir,
          ADMIN_PASSWORD: STAFF_PASSWORD,
          LOG_LEVEL: 'warn',
          // The hub serves the apps the e2e run built (dist/apps, or $APPS_DIR).
          ...(process.env.APPS_DIR ? { APPS_DIR: process.env.APPS_DIR } : {}),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitUntilHealthy(60_000);
    },
    async stop() {
      const running = child;
      child = null;
      if (running === null || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
    async restart() {
      await hub.stop();
      await hub.start();
    },
  };
  return hub;
}
