/**
 * Calls between the kiosk page and a worker over postMessage: each call has an id, may send
 * progress (`emit`) before its one answer, and can be cancelled (its handler's signal aborts).
 * A hub refusal crosses as its code and is a HubError again on the other side. Works over any
 * port (a Worker, the worker's own scope, a MessagePort), so tests use a MessageChannel.
 */
import { HubError } from '../../shared/api/hub-client';
import type { RefusalCode } from '../../shared/circulation/codes';

export interface Port {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
}

type Method = { args: unknown; result: unknown; emits?: unknown };
export type Api = Record<string, Method>;

export type Handlers<A extends Api> = {
  [M in keyof A]: (args: A[M]['args'], call: { signal: AbortSignal; emit: (value: A[M]['emits']) => void }) => Promise<A[M]['result']>;
};

type Request = { id: number; method: string; args: unknown } | { id: number; cancel: true };
type Answer =
  | { id: number; emitted: unknown }
  | { id: number; result: unknown }
  | { id: number; error: { hubCode: RefusalCode } | { message: string } };

/** Answers the calls that arrive at `port` with `handlers`. */
export function serve<A extends Api>(port: Port, handlers: Handlers<A>): void {
  const running = new Map<number, AbortController>();
  port.addEventListener('message', ({ data }: MessageEvent<Request>) => {
    if ('cancel' in data) return running.get(data.id)?.abort();
    const controller = new AbortController();
    running.set(data.id, controller);
    const handler = handlers[data.method as keyof A];
    const answer = (message: Answer) => running.has(data.id) && port.postMessage(message);
    void Promise.resolve()
      .then(() => handler(data.args as never, { signal: controller.signal, emit: (emitted) => answer({ id: data.id, emitted }) }))
      .then(
        (result) => answer({ id: data.id, result }),
        (error: unknown) => answer({ id: data.id, error: error instanceof HubError ? { hubCode: error.code } : { message: String(error) } }),
      )
      .finally(() => running.delete(data.id));
  });
  port.start?.();
}

export interface Call<R> {
  result: Promise<R>;
  cancel(): void;
}

/** Calls the handlers served at the other end of `port`. */
export class RpcClient<A extends Api> {
  private nextId = 1;
  private readonly calls = new Map<number, { emit: (value: unknown) => void; settle: (answer: Answer) => void }>();

  constructor(private readonly port: Port) {
    port.addEventListener('message', ({ data }: MessageEvent<Answer>) => {
      const call = this.calls.get(data.id);
      if (!call) return;
      if ('emitted' in data) call.emit(data.emitted);
      else call.settle(data);
    });
    port.start?.();
  }

  call<M extends keyof A & string>(method: M, args: A[M]['args'], onEmit: (value: A[M]['emits']) => void = () => undefined): Call<A[M]['result']> {
    const id = this.nextId++;
    const result = new Promise<A[M]['result']>((resolve, reject) => {
      this.calls.set(id, {
        emit: onEmit as (value: unknown) => void,
        settle: (answer) => {
          this.calls.delete(id);
          if ('result' in answer) resolve(answer.result as A[M]['result']);
          else if ('error' in answer) reject('hubCode' in answer.error ? new HubError(answer.error.hubCode) : new Error(answer.error.message));
        },
      });
    });
    this.port.postMessage({ id, method, args } satisfies Request);
    return {
      result,
      cancel: () => {
        if (!this.calls.delete(id)) return;
        this.port.postMessage({ id, cancel: true } satisfies Request);
      },
    };
  }
}
