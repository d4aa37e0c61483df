/**
 * What makes a PIN acceptable when a patron chooses one. Shared so the kiosk can tell the
 * patron at once, and the hub enforces the same rule (answering `pin.weak`).
 */
export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 6;

/** PINs people pick most often (beyond runs and repeated digits, which are caught by rule). */
const COMMON_PINS = new Set([
  '1122', '1212', '1313', '1004', '2000', '6969',
  '112233', '121212', '123123', '147258', '147852', '159753', '168168',
  '258369', '520520', '521521', '654123', '741852', '789456',
]);

export function isAcceptablePin(pin: string): boolean {
  if (!/^\d+$/.test(pin) || pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH) return false;
  if (COMMON_PINS.has(pin)) return false;
  return !isRepeatedDigit(pin) && !isRun(pin, 1) && !isRun(pin, -1);
}

function isRepeatedDigit(pin: string): boolean {
  return [...pin].every((digit) => digit === pin[0]);
}

/** 1234, 0123, 456789 (step 1) or 4321, 987654 (step -1). */
function isRun(pin: string, step: 1 | -1): boolean {
  for (let i = 1; i < pin.length; i++) {
    if (pin.charCodeAt(i) - pin.charCodeAt(i - 1) !== step) return false;
  }
  return true;
}
