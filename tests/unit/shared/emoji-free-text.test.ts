/**
 * A kiosk has no emoji font: a pictograph in a message or a component shows as an empty box.
 * Icons are inline SVG (kiosk/ui/icons.tsx); text keeps to characters the CJK and Latin fonts have.
 * Digits, # and * carry the Emoji property too, but not Extended_Pictographic, so they pass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { staffEn } from '../../../shared/i18n/staff-en';
import { staffZhCN } from '../../../shared/i18n/staff-zh-CN';
import { zhCN } from '../../../shared/i18n/zh-CN';
import { sourceFiles } from '../support/source-files';

const NEEDS_EMOJI_FONT = /[\p{Extended_Pictographic}\u{FE0F}]/u;

describe('text that needs no emoji font', () => {
  it('is all the dictionaries hold: zh-CN, en and the staff ones', () => {
    const dictionaries = { 'zh-CN': zhCN, en, 'staff-zh-CN': staffZhCN, 'staff-en': staffEn };
    const offenders = Object.entries(dictionaries).flatMap(([name, dictionary]) =>
      Object.entries(dictionary)
        .filter(([, text]) => NEEDS_EMOJI_FONT.test(text))
        .map(([key, text]) => `${name} ${key}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('is all the kiosk and admin sources write', () => {
    const offenders = ['kiosk', 'admin', 'shared'].flatMap((dir) =>
      sourceFiles(dir).flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) => (NEEDS_EMOJI_FONT.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('still tells a pictograph from a digit, # or *', () => {
    expect(NEEDS_EMOJI_FONT.test('📷')).toBe(true);
    expect(NEEDS_EMOJI_FONT.test('ℹ')).toBe(true);
    expect(NEEDS_EMOJI_FONT.test('0123456789 # * ✓ ✕ …')).toBe(false);
  });
});
