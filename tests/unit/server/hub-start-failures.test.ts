/**
 * A hub that cannot use its data folder or database stops with one sentence that says what to
 * do, not a stack trace. Each case starts the real hub (`node --import tsx server/main.ts`).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'hub-start-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Ended {
  code: number | null;
  stderr: string;
}

/** Starts the hub with this DATA_DIR; a hub still running after `ms` is stopped and reported as such. */
function startHub(dataDir: string, env: Record<string, string> = {}, ms = 15_000): Promise<Ended> {
  const hub = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HTTPS: 'off', HOST: '127.0.0.1', DEMO: '0', ADMIN_PASSWORD: 'start-test-password', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  hub.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => hub.kill(), ms);
  return new Promise((done) =>
    hub.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    }),
  );
}

function expectOneSentence({ code, stderr }: Ended, mentions: RegExp): void {
  expect(code).toBe(1);
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).toMatch(mentions);
}

describe('the hub refuses to start, in one sentence,', () => {
  it('when ADMIN_PASSWORD for a new library is too short or a common password, and makes no database', async () => {
    for (const [password, says] of [['s3cret', /ADMIN_PASSWORD is shorter than 10 characters/], ['Woaini1314', /ADMIN_PASSWORD is one of the most common passwords/]] as const) {
      const dataDir = join(scratch, `weak-${password}`);
      expectOneSentence(await startHub(dataDir, { ADMIN_PASSWORD: password }), says);
      expect(existsSync(join(dataDir, 'hub.sqlite'))).toBe(false);
    }
  });

  it('when DATA_DIR cannot be created (a file stands in its path)', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a folder');
    expectOneSentence(await startHub(join(file, 'data')), /DATA_DIR/);
  });

  it('when DATA_DIR cannot be written', async () => {
    // Tests run as root, whom permissions do not stop: /proc refuses everyone.
    expectOneSentence(await startHub('/proc'), /DATA_DIR/);
  });

  it('when another program holds the database locked', { timeout: 30_000 }, async () => {
    const dataDir = join(scratch, 'locked');
    mkdirSync(dataDir);
    const holder = spawn(
      process.execPath,
      ['-e', `const db = new (require('better-sqlite3'))(process.argv[1]); db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE'); console.log('locked'); setInterval(() => {}, 1000);`, join(dataDir, 'hub.sqlite')],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((locked) => holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && locked()));
      expectOneSentence(await startHub(dataDir), /another/);
    } finally {
      holder.kill();
    }
  });

  it('when a setting in the environment is not usable', async () => {
    expectOneSentence(await startHub(join(scratch, 'settings'), { PORT: 'eighty' }), /PORT/);
  });

  it('when its port is taken', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((listening) => taken.once('listening', listening));
    try {
      const { port } = taken.address() as { port: number };
      expectOneSentence(await startHub(join(scratch, 'port'), { PORT: String(port) }), new RegExp(`Port ${port}`));
    } finally {
      taken.close();
    }
  });
});
