import { describe, expect, it } from 'vitest';
import {
  hostNameOf,
  isOwnOrigin,
  isServedHost,
  SERVED_NAMES_MAX_AGE_MS,
  SERVED_NAMES_MISS_REREAD_MS,
  servedHostCheck,
  servedHostNames,
} from '../../../server/http/request-origin';

const lan = { address: '192.168.1.20', family: 'IPv4', internal: false } as const;
const lan6 = { address: 'FE80::1C2B', family: 'IPv6', internal: false } as const;
const served = servedHostNames({
  publicUrl: 'https://Library.Example/kiosk',
  listenHost: '0.0.0.0',
  machineName: 'hub-1',
  interfaces: { eth0: [lan as never, lan6 as never] },
});

describe('the names the hub serves', () => {
  it('are loopback, its LAN addresses, PUBLIC_URL’s host and its machine name', () => {
    for (const host of ['localhost', 'localhost:80', 'LOCALHOST:8080', '127.0.0.1:8080', '[::1]:8080', '[::1]']) {
      expect([host, isServedHost(host, served)]).toEqual([host, true]);
    }
    for (const host of ['192.168.1.20:8080', '[fe80::1c2b]:8080', 'library.example', 'library.example.:443', 'hub-1:8080', 'hub-1.local']) {
      expect([host, isServedHost(host, served)]).toEqual([host, true]);
    }
  });

  it('leave out every other name, and anything that is not a plain host', () => {
    const foreign = ['attacker.example:8080', 'localhost.attacker.example', '192.168.1.21', 'evil@localhost', 'localhost/x', 'localhost:80:80', 'localhost:abc', ''];
    for (const host of foreign) expect([host, isServedHost(host, served)]).toEqual([host, false]);
    expect(isServedHost(undefined, served)).toBe(false);
  });

  it('ignore a PUBLIC_URL that is not a URL', () => {
    expect(servedHostNames({ publicUrl: 'not a url', listenHost: '0.0.0.0', machineName: 'hub', interfaces: {} })).toContain('localhost');
  });

  it('are read from a Host header without port, brackets or final dot', () => {
    expect(hostNameOf('[::1]:8080')).toBe('::1');
    expect(hostNameOf('Hub.Local.:8080')).toBe('hub.local');
    expect(hostNameOf('a b')).toBeNull();
  });
});

describe('a request’s own origin', () => {
  it('is the host it was sent to, by either scheme, or PUBLIC_URL', () => {
    expect(isOwnOrigin('http://127.0.0.1:5173', '127.0.0.1:5173', null)).toBe(true);
    expect(isOwnOrigin('http://localhost', 'localhost:80', null)).toBe(true);
    expect(isOwnOrigin('https://library.example', 'library.example', null)).toBe(true);
    expect(isOwnOrigin('https://library.example', '192.168.1.20:8080', 'https://library.example/')).toBe(true);
  });

  it('is not another host, another port, or an opaque origin', () => {
    expect(isOwnOrigin('http://attacker.example', '127.0.0.1:8080', null)).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:3000', '127.0.0.1:8080', null)).toBe(false);
    expect(isOwnOrigin('null', '127.0.0.1:8080', null)).toBe(false);
    expect(isOwnOrigin('http://localhost:8080', '127.0.0.1:8080', 'not a url')).toBe(false);
  });
});

describe('the served names, cached', () => {
  /** The machine's addresses as the OS would list them, counting each read; `clock` is the simulated time. */
  function machine() {
    const state = { addresses: ['192.168.1.20'], reads: 0, clock: 0 };
    const read = () => {
      state.reads += 1;
      return servedHostNames({ publicUrl: null, listenHost: '0.0.0.0', machineName: 'hub-1', interfaces: { eth0: state.addresses.map((address) => ({ address }) as never) } });
    };
    return { state, check: servedHostCheck(read, () => state.clock) };
  }

  it('are read once for many requests, and again after SERVED_NAMES_MAX_AGE_MS', () => {
    const { state, check } = machine();
    for (let i = 0; i < 100; i++) expect(check('192.168.1.20:8080')).toBe(true);
    expect(state.reads).toBe(1);
    state.clock += SERVED_NAMES_MAX_AGE_MS;
    // The address went away (another network): no longer served once read again.
    state.addresses = ['10.0.0.5'];
    expect(check('192.168.1.20:8080')).toBe(false);
    expect(check('10.0.0.5')).toBe(true);
    expect(state.reads).toBe(2);
  });

  it('are read again on a name not among them, so a new LAN address works at its first request, but not more often than SERVED_NAMES_MISS_REREAD_MS', () => {
    const { state, check } = machine();
    state.clock += SERVED_NAMES_MISS_REREAD_MS;
    state.addresses = ['192.168.1.20', '192.168.1.77'];
    expect(check('192.168.1.77')).toBe(true);
    expect(state.reads).toBe(2);
    for (let i = 0; i < 100; i++) expect(check('evil.example')).toBe(false);
    expect(state.reads).toBe(2);
    state.clock += SERVED_NAMES_MISS_REREAD_MS;
    expect(check('evil.example')).toBe(false);
    expect(state.reads).toBe(3);
  });
});
