/**
 * One logged-in SIP2 connection: one message at a time, as SIP2 requires. Every exchange ends by
 * its deadline; a connection whose reply did not come is closed, since a late reply would be
 * taken for the next message's.
 */
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import {
  decodeFrame,
  encodeMessage,
  encodeResend,
  FrameReader,
  loginRequest,
  readAcsStatus,
  readLoginResponse,
  REPLY_TO,
  scStatusRequest,
  type AcsStatus,
  type DecodedFrame,
  type Sip2Message,
  type Sip2RequestCode,
} from '../../../shared/sip2';
import { IlsUnavailableError } from '../ils-port';
import type { Sip2Settings } from './sip2-settings';

/** Resends allowed before the first 98 tells us the server's own limit (or when it says 999, unknown). */
const DEFAULT_RETRIES = 3;

export type ReplyTo<C extends Sip2RequestCode> = Sip2Message<(typeof REPLY_TO)[C]>;

export class Sip2Connection {
  private readonly reader = new FrameReader();
  private sequence = 0;
  private retries = DEFAULT_RETRIES;
  private pending: { deliver: (frame: DecodedFrame) => void; fail: (error: Error) => void } | null = null;
  private closed = false;
  /** The server's 98 at login: what it allows (checkout, checkin, renewal, offline). */
  status: AcsStatus | null = null;
  lastUsedAt = Date.now();

  /** Connects, logs in with 93 and reads the server's 98, all by `deadline` (ms since the epoch). */
  static async open(settings: Sip2Settings, deadline: number): Promise<Sip2Connection> {
    const connection = new Sip2Connection(await openSocket(settings, deadline), settings);
    try {
      const login = readLoginResponse(await connection.exchange(loginRequest(settings.user, settings.password, settings.location), deadline));
      if (!login.ok) throw new IlsUnavailableError('SIP2 login refused: check SIP2_USER and SIP2_PASSWORD');
      await connection.refreshStatus(deadline);
      return connection;
    } catch (error) {
      connection.close();
      throw error;
    }
  }

  private constructor(
    private readonly socket: Socket,
    private readonly settings: Sip2Settings,
  ) {
    socket.on('data', (chunk: Buffer) => {
      for (const frame of this.reader.push(chunk)) this.pending?.deliver(decodeFrame(frame, settings.encoding));
    });
    socket.on('end', () => {
      const last = this.reader.end();
      if (last) this.pending?.deliver(decodeFrame(last, settings.encoding));
      this.close();
    });
    socket.on('close', () => this.close());
    socket.on('error', () => this.close());
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** 99 → 98: keeps the connection alive and the server's retry limit current. */
  async refreshStatus(deadline: number): Promise<AcsStatus> {
    const status = readAcsStatus(await this.exchange(scStatusRequest(), deadline));
    this.status = status;
    this.retries = status.retriesAllowed ?? DEFAULT_RETRIES;
    return status;
  }

  /** Sends one request and waits for its reply, answering a bad checksum with 97 and a 96 with a resend. */
  exchange<C extends Sip2RequestCode>(request: Sip2Message<C>, deadline: number): Promise<ReplyTo<C>> {
    const remaining = deadline - Date.now();
    if (this.closed) return Promise.reject(new IlsUnavailableError('SIP2 connection closed'));
    if (remaining <= 0) return Promise.reject(new IlsUnavailableError('SIP2: no time left for the request'));
    if (this.pending) return Promise.reject(new Error('SIP2 connection already has a request in flight'));

    const expected = REPLY_TO[request.code];
    const options = { encoding: this.settings.encoding, terminator: this.settings.terminator, sequence: this.sequence };
    this.sequence = (this.sequence + 1) % 10;
    const bytes = encodeMessage(request, options);

    return new Promise<ReplyTo<C>>((resolve, reject) => {
      let resendsLeft = this.retries;
      const settle = (error: Error | null, reply?: ReplyTo<C>) => {
        clearTimeout(timer);
        this.pending = null;
        if (error) {
          reject(error);
        } else {
          this.lastUsedAt = Date.now();
          resolve(reply!);
        }
      };
      const giveUp = (why: string) => {
        settle(new IlsUnavailableError(`SIP2 ${request.code}: ${why}`));
        this.close();
      };
      const timer = setTimeout(() => giveUp('no reply within the timeout'), remaining);
      this.pending = {
        fail: (error) => settle(error),
        deliver: (frame) => {
          if (frame.checksum === 'invalid' || frame.code === '96') {
            if (resendsLeft <= 0) return giveUp('the retry limit was reached');
            resendsLeft--;
            this.socket.write(frame.checksum === 'invalid' ? encodeResend('97', options) : bytes);
            return;
          }
          // Unknown messages and replies to something else are ignored, as the standard asks.
          if (frame.message?.code === expected) settle(null, frame.message as unknown as ReplyTo<C>);
        },
      };
      this.socket.write(bytes);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.pending?.fail(new IlsUnavailableError('SIP2 connection closed by the server'));
  }
}

function openSocket(settings: Sip2Settings, deadline: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const { host, port } = settings;
    const socket = settings.tls ? connectTls({ host, port, servername: host }) : connectTcp({ host, port });
    let settled = false;
    const fail = (why: string) => {
      if (settled) return; // later errors are the connection's (its own 'error' handler)
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(new IlsUnavailableError(`SIP2 connect to ${host}:${port}: ${why}`));
    };
    const timer = setTimeout(() => fail('timed out'), Math.max(0, deadline - Date.now()));
    socket.once('error', (error) => fail(error.message));
    socket.once(settings.tls ? 'secureConnect' : 'connect', () => {
      settled = true;
      clearTimeout(timer);
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 30_000);
      resolve(socket);
    });
  });
}
