import { z } from 'zod/mini';
import { BarcodeRules, validateBarcode } from './rules';

/** A library's card and item patterns, as the hub hands them to its kiosks. */
export const ScanRules = z.object({ card: BarcodeRules, item: BarcodeRules });
export type ScanRules = z.infer<typeof ScanRules>;

export type ScanClassification =
  | { kind: 'card'; value: string }
  | { kind: 'item'; value: string }
  | { kind: 'isbn'; value: string }
  | { kind: 'invalid' };

/**
 * What a scan is, among the kinds the kiosk is waiting for: the camera path drops 'invalid' frames
 * silently. A scan that fits both rules is a card (libraries keep the two apart by prefix), unless
 * no card is expected: with rules that accept anything (ILS=sip2 without rules) only that tells them apart.
 */
export function classifyScan(raw: string, rules: ScanRules, expecting: readonly ScanClassification['kind'][] = ['card', 'item', 'isbn']): ScanClassification {
  const card = expecting.includes('card') ? validateBarcode(rules.card, raw) : null;
  if (card?.ok && card.matched === 'pattern') return { kind: 'card', value: card.value };
  const item = validateBarcode(rules.item, raw);
  if (!item.ok) return { kind: 'invalid' };
  return { kind: item.matched === 'isbn' ? 'isbn' : 'item', value: item.value };
}
