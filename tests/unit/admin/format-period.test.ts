import { describe, expect, it } from 'vitest';
import { formatPeriod, formatTick } from '../../../admin/statistics/format-period';

describe('chart ticks', () => {
  it('name the year only on the first tick and where a new year starts, so twelve months fit', () => {
    const months = ['2026-11', '2026-12', '2027-01', '2027-02'];
    expect(months.map((month, i) => formatTick(month, 'zh-CN', months[i - 1] ?? null))).toEqual(['2026年11月', '12月', '2027年1月', '2月']);
    expect(months.map((month, i) => formatTick(month, 'en', months[i - 1] ?? null))).toEqual(['Nov 2026', 'Dec', 'Jan 2027', 'Feb']);
    expect(formatTick('2026-12-02', 'zh-CN', '2026-12-01')).toBe('12月2日');
    expect(formatTick('2026-12-02', 'en', '2026-11-25')).toBe('Dec 2');
    expect(formatTick('2026', 'en', '2025')).toBe(formatPeriod('2026', 'en'));
  });
});
