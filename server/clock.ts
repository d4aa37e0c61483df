/** The hub reads time only through a Clock, so tests can move it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Waits `ms` of real time; injected, so tests of a deliberately slow answer do not wait. */
export type Sleep = (ms: number) => Promise<void>;

export const systemSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const MINUTE_MS = 60_000;

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * MINUTE_MS);
}

export function addDays(date: Date, days: number): Date {
  return addMinutes(date, days * 24 * 60);
}
