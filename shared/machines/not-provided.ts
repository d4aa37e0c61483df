/**
 * Bodies for the placeholder actors a machine names in `setup()`: the real I/O is supplied with
 * `machine.provide({ actors })` (by the app, or by a test), and a forgotten one fails loudly.
 */
export async function notProvided(): Promise<never> {
  return notProvidedCallback();
}

export function notProvidedCallback(): never {
  throw new Error('actor not provided: use machine.provide()');
}
