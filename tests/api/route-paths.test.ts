import { afterEach, expect, it } from 'vitest';
import { API, ITEM_COVER, OPDS, PHONE, RECEIPT } from '../../shared/api/routes';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
afterEach(() => hub.close());

/** Full paths from Fastify's route tree, where each line names its part of the path under its parent's. */
function routePaths(tree: string): string[] {
  const parts: string[] = [];
  const paths: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─ ]+)(\/\S*) \(/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    parts.length = depth - 1;
    parts.push(match[2]!);
    paths.push(parts.join(''));
  }
  return paths;
}

it('serves every route at a path declared in shared/api/routes.ts', async () => {
  hub = await createTestHub();
  const served = routePaths(hub.app.printRoutes({ commonPrefix: false }));
  const declared: string[] = [...Object.values(API), ...Object.values(PHONE), ...Object.values(OPDS), ...Object.values(RECEIPT), ITEM_COVER];
  expect(served.length).toBeGreaterThan(20);
  expect(served.filter((path) => !declared.includes(path))).toEqual([]);
});
