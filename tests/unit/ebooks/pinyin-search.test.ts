import { describe, expect, it } from 'vitest';
import { buildSearchKeys } from '../../../shared/ebooks/pinyin-keys';
import { matches } from '../../../shared/ebooks/pinyin-search';

const hongloumeng = buildSearchKeys({ title: '红楼梦', authors: ['曹雪芹'], subjects: ['古典小说'] });
const shuihu = buildSearchKeys({ title: '水浒传', authors: ['施耐庵'], subjects: [] });
const pride = buildSearchKeys({ title: 'Pride and Prejudice', authors: ['Jane Austen'], subjects: ['Romance'] });

describe('pinyin search keys', () => {
  it('hold full pinyin without tones and initials', () => {
    expect(hongloumeng.pinyin).toContain('hongloumeng');
    expect(hongloumeng.initials).toContain('hlm');
    expect(hongloumeng.pinyin).toContain('caoxueqin');
  });

  it('include the other readings of polyphonic characters', () => {
    expect(shuihu.pinyin).toEqual(expect.arrayContaining(['shuihuzhuan', 'shuihuchuan']));
  });

  it('need no pinyin for Latin titles', () => {
    expect(pride).toMatchObject({ pinyin: [], initials: [] });
  });
});

describe('matching as the patron types', () => {
  it.each(['hlm', 'HLM', 'honglou', 'hong lou', 'loumeng', '红楼', '楼梦', '曹雪芹', 'cxq', '小说'])('finds 红楼梦 by %s', (query) => {
    expect(matches(query, hongloumeng)).toBe(true);
  });

  it.each(['shuihuzhuan', 'shz'])('finds 水浒传 by %s', (query) => {
    expect(matches(query, shuihu)).toBe(true);
  });

  it.each(['pride', 'PREJ', 'prejudice pride', 'austen', 'jane aus', 'roman'])('finds Pride and Prejudice by %s', (query) => {
    expect(matches(query, pride)).toBe(true);
  });

  it.each([
    ['xiyouji', hongloumeng],
    ['hlmx', hongloumeng],
    ['pride sense', pride],
    ['darcy', pride],
  ] as const)('does not find by %s', (query, keys) => {
    expect(matches(query, keys)).toBe(false);
  });

  it('matches everything on an empty query', () => {
    expect(matches('  ', pride)).toBe(true);
  });
});
