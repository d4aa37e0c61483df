import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { formatDate, translate } from '../../../shared/i18n';
import { zhCN, type MessageKey } from '../../../shared/i18n/zh-CN';
import { staffEn } from '../../../shared/i18n/staff-en';
import { staffZhCN, type StaffOnlyKey } from '../../../shared/i18n/staff-zh-CN';
import { staffTranslate } from '../../../shared/i18n/staff';
import { BLOCK_REASONS, isStaffOnlyRefusal, REFUSAL_CODES } from '../../../shared/circulation/codes';

const keys = Object.keys(zhCN) as MessageKey[];
const staffKeys = Object.keys(staffZhCN) as StaffOnlyKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('have the same keys in Chinese and English, for patrons and for staff', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    expect(Object.keys(staffEn).sort()).toEqual([...staffKeys].sort());
    expect(staffKeys.filter((key) => key in zhCN)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keys) expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    for (const key of staffKeys) expect(placeholders(staffEn[key]), key).toEqual(placeholders(staffZhCN[key]));
  });

  it('leave no English word in a Chinese string, apart from the switch to English and file format names', () => {
    // Staff see file formats, the parts of an EPUB, protocols, standards, barcode symbologies, settings'
    // names, values a file may hold and the kiosk's own addresses as they are, as Chinese software does.
    const formatNames =
      /EPUB|PDF|ZIP|OPF|META-INF\/container\.xml|mimetype|SIP2|TLS|CSV|ISBN|EAN|Luhn|(UNI|CN)?MARC(XML)?|UTF-8|GB18030|Excel|Codabar|Code 128|PNG|JPEG|WebP|Koha|ASCII|ISO 2709|\.mrc|yes\/no|[A-Z][A-Z0-9]*_[A-Z0-9_]+|\/kiosk\/(\?pair)?|\/admin\//g;
    const chinese: Record<string, string> = { ...zhCN, ...staffZhCN };
    const offenders = Object.keys(chinese)
      .filter((key) => key !== 'language.switch')
      .filter((key) => /[A-Za-z]{3,}/.test(chinese[key]!.replace(/\{\w+\}/g, '').replace(formatNames, '')));
    expect(offenders).toEqual([]);
  });

  it('translate every outcome code and block reason the hub can send: for patrons in the kiosk, staff-only ones for staff', () => {
    for (const code of REFUSAL_CODES) {
      if (isStaffOnlyRefusal(code)) expect(staffKeys, code).toContain(`code.${code}`);
      else expect(keys, code).toContain(`code.${code}`);
    }
    for (const reason of BLOCK_REASONS) expect(keys).toContain(`block.${reason}`);
  });

  it('give staff the patron messages too (the same outcome codes reach them)', () => {
    expect(staffTranslate('zh-CN', 'code.network.offline')).toBe(zhCN['code.network.offline']);
    expect(staffTranslate('en', 'code.ebook.notZip')).toBe(staffEn['code.ebook.notZip']);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate('en', 'code.pin.wrong', { attemptsLeft: 2 })).toContain('2 tries');
    expect(translate('zh-CN', 'code.pin.wrong')).toContain('{attemptsLeft}');
  });

  it('format dates the way each language reads them', () => {
    expect(formatDate('zh-CN', '2026-12-25T12:00:00+08:00')).toBe('2026年12月25日');
    expect(formatDate('en', '2026-12-25T12:00:00+08:00')).toBe('25 Dec 2026');
  });
});
