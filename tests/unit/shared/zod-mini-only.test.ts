/**
 * The apps load zod/mini only (docs/benchmarks.md, the kiosk's first load): one module of classic zod
 * in the kiosk or the admin panel brings most of zod's core back into the chunk the two apps share.
 * The hub (server/) keeps classic zod for its own schemas.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

const CLASSIC_ZOD = /from 'zod(\/v4)?'/;

describe('zod in the apps', () => {
  it('is zod/mini in every module the kiosk and the admin panel may import', () => {
    const offenders = ['kiosk', 'admin', 'shared'].flatMap((dir) =>
      sourceFiles(dir).filter((file) => readFileSync(file, 'utf8').split('\n').some((line) => CLASSIC_ZOD.test(line) && !line.startsWith('import type'))),
    );
    expect(offenders).toEqual([]);
  });
});
