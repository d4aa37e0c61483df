import { describe, expect, it } from 'vitest';
import {
  buildMessage,
  checkoutRequest,
  checksumOf,
  decodeFrame,
  encodeMessage,
  encodeResend,
  encodeText,
  fieldOf,
  fieldsOf,
  FrameReader,
  loginRequest,
  messageText,
  readAcsStatus,
  readPatronInformation,
  scStatusRequest,
  type Sip2Message,
} from '../../../shared/sip2';

const ascii = (text: string) => new TextEncoder().encode(text);
const station = { institutionId: 'CPL', terminalPassword: '' };

describe('SIP2 checksum', () => {
  it('matches the published test vectors', () => {
    expect(checksumOf(ascii('990 402.00AY1AZ'))).toBe('FCB4');
    expect(checksumOf(ascii('9900401.00AY1AZ'))).toBe('FCA5');
    expect(decodeFrame(ascii('990 402.00AY1AZFCB4\r'), 'utf-8')).toMatchObject({ checksum: 'valid', sequence: 1 });
    expect(decodeFrame(ascii('9900401.00AY1AZFCA5'), 'utf-8')).toMatchObject({ checksum: 'valid', sequence: 1 });
  });

  it('notices a byte changed in transit, and accepts a server that sends no checksum', () => {
    expect(decodeFrame(ascii('990 402.01AY1AZFCB4'), 'utf-8').checksum).toBe('invalid');
    expect(decodeFrame(ascii('941'), 'utf-8')).toMatchObject({ checksum: 'absent', sequence: null, message: { code: '94', fixed: { ok: '1' } } });
  });

  it('writes AY and AZ after the last field, summed over the bytes in the configured encoding', () => {
    const bytes = encodeMessage(scStatusRequest(40), { encoding: 'utf-8', terminator: 'cr', sequence: 1 });
    // The vector's '1.00' is our '2.00': one more in the sum, one less in the checksum.
    expect(new TextDecoder().decode(bytes)).toBe('9900402.00AY1AZFCA4\r');
    const gb = encodeMessage(buildMessage('94', { ok: '1' }, [['AF', '欢迎']]), { encoding: 'gb18030', terminator: 'crlf', sequence: 3 });
    expect(gb.at(-2)).toBe(0x0d);
    expect(gb.at(-1)).toBe(0x0a);
    expect(decodeFrame(gb, 'gb18030')).toMatchObject({ checksum: 'valid', sequence: 3, message: { fields: [['AF', '欢迎']] } });
    // The same text in UTF-8 has other bytes, so another checksum.
    const utf8 = encodeMessage(buildMessage('94', { ok: '1' }, [['AF', '欢迎']]), { encoding: 'utf-8', terminator: 'cr', sequence: 3 });
    expect(String.fromCharCode(...utf8.subarray(-5, -1))).not.toBe(String.fromCharCode(...gb.subarray(-6, -2)));
  });
});

describe('SIP2 messages', () => {
  it('builds a login with the fields in order', () => {
    expect(messageText(loginRequest('kiosk', 'secret', 'LOBBY'))).toBe('9300CNkiosk|COsecret|CPLOBBY|');
  });

  it('reads fixed fields by position and variable fields by id, repeated ones in order', () => {
    const frame = ascii(
      '64              00020261215    1902410001000000020000000000000000AOCPL|AA20140001|AE张伟|AUbook1|AUbook/2|BLY|CQN|BV12.50|AFHello|AFSecond line|',
    );
    const { message } = decodeFrame(frame, 'utf-8');
    expect(message?.code).toBe('64');
    const info = readPatronInformation(message as Sip2Message<'64'>);
    expect(info).toMatchObject({
      validPatron: true,
      validPassword: false,
      personalName: '张伟',
      holdItemsCount: 1,
      chargedItemsCount: 2,
      feeAmount: 12.5,
      chargedItems: ['book1', 'book/2'],
      screenMessages: ['Hello', 'Second line'],
    });
    expect(info.flags.size).toBe(0);
  });

  it('ignores unknown fields and unknown messages', () => {
    const { message } = decodeFrame(ascii('941ZZwhatever|XYmore|'), 'utf-8');
    expect(message).toMatchObject({ code: '94', fixed: { ok: '1' } });
    expect(fieldOf(message!, 'ZZ')).toBe('whatever');
    expect(decodeFrame(ascii('45unknown message'), 'utf-8')).toMatchObject({ message: null, code: '45' });
    expect(decodeFrame(ascii('\u0000\u00ffgarbage'), 'utf-8')).toMatchObject({ message: null, code: null });
  });

  it('tolerates stray whitespace, a short fixed part, a last field without its bar, and / in barcodes', () => {
    const { message } = decodeFrame(ascii('\n  121NNY20261215    190241AOCPL|  AA20140001|AB3901/0001|AHdue soon  \r\n'), 'utf-8');
    expect(message?.fixed).toMatchObject({ ok: '1', renewalOk: 'N', transactionDate: '20261215    190241' });
    expect(fieldOf(message!, 'AA')).toBe('20140001');
    expect(fieldOf(message!, 'AB')).toBe('3901/0001');
    expect(fieldOf(message!, 'AH')).toBe('due soon');
    const short = decodeFrame(ascii('98YYYYNN'), 'utf-8').message as Sip2Message<'98'>;
    expect(readAcsStatus(short)).toMatchObject({ online: true, checkoutOk: true, offlineOk: false, retriesAllowed: null });
  });

  it('keeps the field separator out of values', () => {
    const message = checkoutRequest(station, '20260302    100000', '2014|0001', 'item\r1');
    expect(fieldsOf(message, 'AA')).toEqual(['2014 0001']);
    expect(fieldsOf(message, 'AB')).toEqual(['item 1']);
  });

  it('refuses a fixed field of the wrong length (a programming error, not input)', () => {
    expect(() => buildMessage('94', { ok: '11' })).toThrow(/ok must be 1/);
  });

  it('writes Chinese as GB18030 bytes for Interlib and as UTF-8 for Koha', () => {
    expect([...encodeText('张伟', 'gb18030')]).toEqual([0xd5, 0xc5, 0xce, 0xb0]);
    expect([...encodeText('张伟', 'utf-8')]).toEqual([0xe5, 0xbc, 0xa0, 0xe4, 0xbc, 0x9f]);
    expect([...encodeText('Müller', 'cp850')]).toEqual([0x4d, 0x81, 0x6c, 0x6c, 0x65, 0x72]);
  });
});

describe('FrameReader', () => {
  it('cuts at CR or CR LF, across chunks, and gives back a last message without terminator', () => {
    const reader = new FrameReader();
    expect(reader.push(ascii('941\r\n98YY'))).toEqual([ascii('941')]);
    expect(reader.push(ascii('YY\r\r\n\n24'))).toEqual([ascii('98YYYY')]);
    expect(reader.end()).toEqual(ascii('24'));
    expect(reader.end()).toBeNull();
  });

  it('does not buffer an endless line of garbage', () => {
    const reader = new FrameReader();
    const frames = reader.push(new Uint8Array(70_000).fill(0x41));
    expect(frames).toHaveLength(1);
    expect(reader.end()).toBeNull();
  });
});

describe('resend requests', () => {
  it('are 97AZFEF5 and 96AZFEF6 with error detection, bare codes without', () => {
    const options = { encoding: 'utf-8', terminator: 'cr', sequence: 4 } as const;
    expect(new TextDecoder().decode(encodeResend('97', options))).toBe('97AZFEF5\r');
    expect(new TextDecoder().decode(encodeResend('96', options))).toBe('96AZFEF6\r');
    expect(new TextDecoder().decode(encodeResend('97', { ...options, sequence: null }))).toBe('97\r');
    expect(decodeFrame(encodeResend('96', options), 'utf-8')).toMatchObject({ code: '96', checksum: 'valid', sequence: null });
  });
});
