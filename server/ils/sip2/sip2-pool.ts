/**
 * A few logged-in SIP2 connections shared by all kiosks. A call borrows one for its whole
 * deadline; connections are opened on demand, kept alive with 99 while idle, and after a failed
 * connect no new attempt is made until a growing backoff has passed (calls fail fast meanwhile).
 */
import type { AcsStatus } from '../../../shared/sip2';
import { IlsUnavailableError } from '../ils-port';
import { Sip2Connection } from './sip2-connection';
import type { Sip2Settings } from './sip2-settings';

export interface Sip2PoolOptions {
  size: number;
  /** An idle connection is sent 99 after this long, so firewalls and the ILS keep it open. */
  keepAliveMs: number;
  /** First wait after a failed connect; doubles up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_POOL_OPTIONS: Sip2PoolOptions = { size: 2, keepAliveMs: 60_000, backoffMs: 500, maxBackoffMs: 30_000 };

type Open = (settings: Sip2Settings, deadline: number) => Promise<Sip2Connection>;

export class Sip2Pool {
  private readonly idle: Sip2Connection[] = [];
  private count = 0; // open or being opened
  private readonly waiters: Array<() => void> = [];
  private nextConnectAt = 0;
  private backoff: number;
  private readonly keepAlive: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly settings: Sip2Settings,
    private readonly options: Sip2PoolOptions = DEFAULT_POOL_OPTIONS,
    private readonly open: Open = Sip2Connection.open,
  ) {
    this.backoff = options.backoffMs;
    this.keepAlive = setInterval(() => void this.keepIdleAlive(), Math.max(1000, options.keepAliveMs / 2));
    this.keepAlive.unref();
  }

  /** Runs `work` on one connection; everything, waiting for a connection included, ends by the timeout. */
  async run<T>(work: (connection: Sip2Connection, deadline: number) => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.settings.timeoutMs;
    const connection = await this.acquire(deadline);
    try {
      return await work(connection, deadline);
    } finally {
      this.release(connection);
    }
  }

  /** Asks the server for its 98 now, on one connection of the pool. */
  async status(): Promise<AcsStatus> {
    return this.run(async (connection, deadline) => connection.refreshStatus(deadline));
  }

  close(): void {
    this.closed = true;
    clearInterval(this.keepAlive);
    for (const connection of this.idle.splice(0)) connection.close();
    for (const wake of this.waiters.splice(0)) wake();
  }

  private async acquire(deadline: number): Promise<Sip2Connection> {
    for (;;) {
      if (this.closed) throw new IlsUnavailableError('SIP2 pool closed');
      const idle = this.idle.pop();
      if (idle?.isOpen) return idle;
      if (idle) {
        this.count--;
        continue;
      }
      if (this.count < this.options.size) return this.connect(deadline);
      await this.waitForRelease(deadline);
    }
  }

  private async connect(deadline: number): Promise<Sip2Connection> {
    if (Date.now() < this.nextConnectAt) throw new IlsUnavailableError('SIP2 server unreachable; waiting before reconnecting');
    this.count++;
    try {
      const connection = await this.open(this.settings, deadline);
      this.backoff = this.options.backoffMs;
      return connection;
    } catch (error) {
      this.count--;
      this.nextConnectAt = Date.now() + this.backoff;
      this.backoff = Math.min(this.backoff * 2, this.options.maxBackoffMs);
      this.wakeOne();
      throw error;
    }
  }

  private release(connection: Sip2Connection): void {
    if (connection.isOpen && !this.closed) {
      this.idle.push(connection);
    } else {
      connection.close();
      this.count--;
    }
    this.wakeOne();
  }

  private wakeOne(): void {
    this.waiters.shift()?.();
  }

  private waitForRelease(deadline: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(wake);
        if (index !== -1) this.waiters.splice(index, 1);
        reject(new IlsUnavailableError('SIP2: every connection stayed busy until the timeout'));
      }, Math.max(0, deadline - Date.now()));
      this.waiters.push(wake);
    });
  }

  private async keepIdleAlive(): Promise<void> {
    const due = this.idle.filter((connection) => Date.now() - connection.lastUsedAt >= this.options.keepAliveMs);
    for (const connection of due) {
      const index = this.idle.indexOf(connection);
      if (index === -1) continue;
      this.idle.splice(index, 1);
      try {
        await connection.refreshStatus(Date.now() + this.settings.timeoutMs);
      } catch {
        // closed by exchange(); the next call opens a new one
      }
      this.release(connection);
    }
  }
}
