/**
 * A reason the hub cannot start that the person starting it can fix. Its message is one sentence
 * saying what to do; main.ts prints just that, where any other error is a bug and keeps its stack.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
