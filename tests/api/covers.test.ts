import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(() => hub.close());

it('draws a cover for a catalogue item, cacheable for a day, no kiosk token needed', async () => {
  const response = await hub.call('GET', '/covers/39010001.svg', { kioskToken: null });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
  expect(response.headers['cache-control']).toBe('public, max-age=86400');
  expect(response.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(response.body).toContain('红楼梦');
  expect(response.body).toContain('曹雪芹');
});

it('escapes the title and author', async () => {
  hub.db
    .prepare(`INSERT INTO items (barcode, title, author) VALUES ('39019000', '<script>alert(1)</script> & more', 'O''Brien "Q"')`)
    .run();
  const { body } = await hub.call('GET', '/covers/39019000.svg');
  expect(body).not.toContain('<script>');
  expect(body).toContain('&lt;script&gt;');
  expect(body).toContain('O&apos;Brien &quot;Q&quot;');
});

it('answers 404 for an unknown item or another file type', async () => {
  for (const url of ['/covers/39019999.svg', '/covers/39010001.png', '/covers/..%2F..%2Fetc.svg']) {
    const response = await hub.call('GET', url);
    expect(response.statusCode, url).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'item.unknown' } });
  }
});
