import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { importPageMachine, POLL_MS, type ImportRequest } from '../../../admin/import/import-page-machine';
import { HubError } from '../../../shared/api/hub-client';
import type { ImportJob } from '../../../shared/import/schemas';

const job = (patch: Partial<ImportJob>): ImportJob => ({
  id: 'job-1', kind: 'items', format: 'csv', fileName: 'a.csv', state: 'reading', unit: 'line', progress: { done: 0, of: 100 },
  rows: 0, preview: [], problems: [], problemCount: 0, refusal: null, result: null, ...patch,
});
const REQUEST: ImportRequest = { kind: 'items', format: 'csv', file: new Blob(['x']), fileName: 'a.csv' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function start(answers: ImportJob[], confirmed = job({ state: 'done', result: { added: 2, updated: 0 } })) {
  const clock = new SimulatedClock();
  const polls: string[] = [];
  const confirms: string[] = [];
  const actor = createActor(
    importPageMachine.provide({
      actors: {
        uploadImport: fromPromise(async () => job({})),
        readImportJob: fromPromise(async ({ input }) => {
          polls.push(input.id);
          return answers.shift()!;
        }),
        confirmImport: fromPromise(async ({ input }) => {
          confirms.push(input.id);
          return confirmed;
        }),
      },
    }),
    { input: { token: 't' }, clock },
  ).start();
  return { actor, clock, polls, confirms };
}

describe('the Import page machine', () => {
  it('polls the job every half second while the hub reads, then shows the checked file; confirm stores it', async () => {
    const { actor, clock, polls, confirms } = start([job({ progress: { done: 50, of: 100 } }), job({ state: 'ready', rows: 2 })]);
    actor.send({ type: 'file.submitted', request: REQUEST });
    await flush();
    expect(actor.getSnapshot().matches('reading')).toBe(true);
    clock.increment(POLL_MS);
    await flush();
    expect(actor.getSnapshot().context.job?.progress).toEqual({ done: 50, of: 100 });
    expect(polls).toEqual(['job-1']);
    clock.increment(POLL_MS);
    await flush();
    expect(actor.getSnapshot().matches('checked')).toBe(true);
    actor.send({ type: 'confirm' });
    await flush();
    expect(confirms).toEqual(['job-1']);
    expect(actor.getSnapshot().matches('done')).toBe(true);
    expect(actor.getSnapshot().context.job?.result).toEqual({ added: 2, updated: 0 });
  });

  it('does not confirm a file with problems', async () => {
    const { actor, clock, confirms } = start([job({ state: 'ready', problemCount: 1, problems: [{ at: 2, code: 'import.isbn' }] })]);
    actor.send({ type: 'file.submitted', request: REQUEST });
    await flush();
    clock.increment(POLL_MS);
    await flush();
    actor.send({ type: 'confirm' });
    await flush();
    expect(confirms).toEqual([]);
    expect(actor.getSnapshot().matches('checked')).toBe(true);
  });

  it('ends when the hub no longer knows the staff token', async () => {
    const clock = new SimulatedClock();
    const actor = createActor(
      importPageMachine.provide({ actors: { uploadImport: fromPromise(async () => Promise.reject(new HubError('staff.signInRequired'))) } }),
      { input: { token: 't' }, clock },
    ).start();
    actor.send({ type: 'file.submitted', request: REQUEST });
    await flush();
    expect(actor.getSnapshot().status).toBe('done');
  });
});
