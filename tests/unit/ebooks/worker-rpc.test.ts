/** Calls between the kiosk page and its catalogue worker (kiosk/ebooks/worker-rpc.ts), over a real MessageChannel. */
import { afterEach, expect, it } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import { RpcClient, serve, type Port } from '../../../kiosk/ebooks/worker-rpc';

type TestApi = {
  count: { args: { to: number }; emits: number; result: string };
  refuse: { args: null; result: void };
  wait: { args: null; result: void };
};

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

function connect() {
  const channel = new MessageChannel();
  channels.push(channel);
  let aborted = false;
  serve<TestApi>(channel.port2 as unknown as Port, {
    async count({ to }, { emit }) {
      for (let i = 1; i <= to; i++) emit(i);
      return `counted to ${to}`;
    },
    async refuse() {
      throw new HubError('network.offline');
    },
    wait: (_, { signal }) =>
      new Promise<void>((resolve) =>
        signal.addEventListener('abort', () => {
          aborted = true;
          resolve();
        }),
      ),
  });
  return { client: new RpcClient<TestApi>(channel.port1 as unknown as Port), wasAborted: () => aborted };
}

it('answers a call after its progress, and keeps calls apart', async () => {
  const { client } = connect();
  const emitted: number[] = [];
  const [three, one] = [client.call('count', { to: 3 }, (n) => emitted.push(n)), client.call('count', { to: 1 })];
  expect(await three.result).toBe('counted to 3');
  expect(await one.result).toBe('counted to 1');
  expect(emitted).toEqual([1, 2, 3]);
});

it('hands a hub refusal back as a HubError with its code', async () => {
  const { client } = connect();
  await expect(client.call('refuse', null).result).rejects.toEqual(new HubError('network.offline'));
});

it('cancelling a call aborts its handler', async () => {
  const { client, wasAborted } = connect();
  client.call('wait', null).cancel();
  await expect.poll(wasAborted).toBe(true);
});
