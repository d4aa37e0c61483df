import { describe, expect, it } from 'vitest';
import { createKeyboardWedge, STALE_AFTER_MS } from '../../../kiosk/scanning/keyboard-wedge';

function typeCode(wedge: ReturnType<typeof createKeyboardWedge>, keys: string[], start = 0, gap = 10) {
  return keys.map((key, index) => wedge.press(key, start + index * gap));
}

describe('keyboard wedge', () => {
  it('hands over the buffered code on Enter, and nothing before', () => {
    const wedge = createKeyboardWedge();
    const results = typeCode(wedge, [...'39010001', 'Enter']);
    expect(results.slice(0, -1).every((result) => result === null)).toBe(true);
    expect(results.at(-1)).toBe('39010001');
  });

  it('starts afresh after each scan', () => {
    const wedge = createKeyboardWedge();
    typeCode(wedge, [...'A1', 'Enter']);
    expect(typeCode(wedge, [...'B2', 'Enter'], 100).at(-1)).toBe('B2');
  });

  it('ignores a bare Enter, modifier keys and spaces', () => {
    const wedge = createKeyboardWedge();
    expect(wedge.press('Enter', 0)).toBeNull();
    expect(typeCode(wedge, ['Shift', 'X', ' ', 'Shift', '9', 'Enter'], 10).at(-1)).toBe('X9');
  });

  it('drops keys typed long before the scan', () => {
    const wedge = createKeyboardWedge();
    wedge.press('7', 0);
    expect(typeCode(wedge, [...'123', 'Enter'], STALE_AFTER_MS + 1).at(-1)).toBe('123');
  });

  it('keeps a code typed by hand at a human pace', () => {
    const wedge = createKeyboardWedge();
    expect(typeCode(wedge, [...'4321', 'Enter'], 0, 800).at(-1)).toBe('4321');
  });
});
