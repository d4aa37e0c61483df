import { describe, expect, it } from 'vitest';
import { parseByteRange } from '../../../server/ebooks/byte-range';
import { phoneLanguage } from '../../../server/ebooks/phone-language';
import { redactDownloadUrl } from '../../../server/ebooks/redact-download-url';
import { defaultPublicUrl } from '../../../server/public-url';

describe('the phone page helpers', () => {
  it('pick the phone’s language from Accept-Language, Chinese by default', () => {
    expect(phoneLanguage(undefined)).toBe('zh-CN');
    expect(phoneLanguage('en-US,en;q=0.9')).toBe('en');
    expect(phoneLanguage('fr-FR,en;q=0.5,zh-TW;q=0.8')).toBe('zh-CN');
    expect(phoneLanguage('de-DE')).toBe('zh-CN');
    expect(phoneLanguage('zh;q=0,en')).toBe('en');
  });

  it('read single byte ranges and refuse what is past the end', () => {
    expect(parseByteRange(undefined, 100)).toBeNull();
    expect(parseByteRange('bytes=10-', 100)).toEqual({ start: 10, end: 99 });
    expect(parseByteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseByteRange('bytes=-30', 100)).toEqual({ start: 70, end: 99 });
    expect(parseByteRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-1,5-6', 100)).toBeNull();
  });

  it('mask download tokens and short codes in logged URLs', () => {
    expect(redactDownloadUrl('/d/abcDEF_123-xyz')).toBe('/d/[redacted]');
    expect(redactDownloadUrl('/d/abcDEF_123-xyz/file')).toBe('/d/[redacted]/file');
    expect(redactDownloadUrl('/d/code/ABC234/file')).toBe('/d/code/[redacted]/file');
    expect(redactDownloadUrl('/d?code=ABC234')).toBe('/d?[redacted]');
    expect(redactDownloadUrl('/api/ebooks?since=2026')).toBe('/api/ebooks?since=2026');
  });

  it('give phones the hub’s LAN address, never localhost when there is one', () => {
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [{ address: 'fe80::1', family: 'IPv6', internal: false }, { address: '192.168.1.20', family: 'IPv4', internal: false }],
    } as never;
    expect(defaultPublicUrl('0.0.0.0', 8080, interfaces)).toBe('http://192.168.1.20:8080');
    expect(defaultPublicUrl('0.0.0.0', 8080, { lo: [] } as never)).toBeNull();
    expect(defaultPublicUrl('10.0.0.5', 8080, interfaces)).toBe('http://10.0.0.5:8080');
  });
});
