import { describe, expect, it } from 'vitest';
import { formatSipDate, parseSipDate } from '../../../shared/sip2';

const SHANGHAI = 'Asia/Shanghai';

describe('SIP2 dates', () => {
  it('writes the library’s local time with a blank zone', () => {
    expect(formatSipDate(new Date('2026-12-15T11:02:41Z'), SHANGHAI)).toBe('20261215    190241');
    expect(formatSipDate(new Date('2026-12-15T11:02:41Z'), 'UTC')).toBe('20261215    110241');
  });

  it.each([
    ['20261215    190241', '2026-12-15T11:02:41.000Z'],
    ['20261215   Z110241', '2026-12-15T11:02:41.000Z'],
    ['20261215EST 190241', '2026-12-15T11:02:41.000Z'], // a zone name we cannot trust: local time
    ['20261215 190241', '2026-12-15T11:02:41.000Z'],
    ['2026-12-15 19:02:41', '2026-12-15T11:02:41.000Z'],
    ['2026-12-15T11:02:41Z', '2026-12-15T11:02:41.000Z'],
    ['2026-12-15T19:02:41+08:00', '2026-12-15T11:02:41.000Z'],
    ['20261215', '2026-12-15T15:59:59.000Z'], // a due day without a time: the end of that day
    ['  2026-12-15  ', '2026-12-15T15:59:59.000Z'],
  ])('reads %j leniently', (text, iso) => {
    expect(parseSipDate(text, SHANGHAI)?.toISOString()).toBe(iso);
  });

  it.each(['', '   ', 'tomorrow', '20261345    190241', '20260230', '2026121'])('gives null for %j', (text) => {
    expect(parseSipDate(text, SHANGHAI)).toBeNull();
  });

  it('reads local time across a daylight-saving change', () => {
    expect(parseSipDate('20260329    030000', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(parseSipDate('20261025    120000', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });
});
