/** A PIN the hub makes up for staff to hand to a patron: random digits that pass the PIN rule. */
import { randomInt } from 'node:crypto';
import { isAcceptablePin } from '../../shared/circulation/pin-policy';

const GENERATED_PIN_LENGTH = 6;

export function generatePin(): string {
  for (;;) {
    const pin = String(randomInt(0, 10 ** GENERATED_PIN_LENGTH)).padStart(GENERATED_PIN_LENGTH, '0');
    if (isAcceptablePin(pin)) return pin;
  }
}
