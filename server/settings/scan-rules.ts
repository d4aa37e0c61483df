/** The library's card and item barcode patterns, handed to every kiosk with its config. */
import type { Database } from 'better-sqlite3';
import { ANY_PRINTABLE_RULE, DEFAULT_CARD_RULE, DEFAULT_ITEM_RULE, ScanRules } from '../../shared/barcodes';
import type { IlsKind } from '../ils/sip2/sip2-config';
import { readSetting, writeSetting } from './settings';

const SCAN_RULES_SETTING = 'scanRules';

/**
 * The rules when the library has set none: the demo library's patterns over the embedded ILS; over
 * SIP2 any 1–32 printable characters, since the library's own system decides what its numbers look like.
 */
export function unconfiguredScanRules(ils: IlsKind): ScanRules {
  return ils === 'sip2' ? { card: ANY_PRINTABLE_RULE, item: ANY_PRINTABLE_RULE } : { card: DEFAULT_CARD_RULE, item: DEFAULT_ITEM_RULE };
}

export function loadScanRules(db: Database, whenUnset: ScanRules = unconfiguredScanRules('embedded')): ScanRules {
  const stored = readSetting(db, SCAN_RULES_SETTING);
  return stored === undefined ? whenUnset : ScanRules.parse(stored);
}

export function saveScanRules(db: Database, rules: ScanRules): void {
  writeSetting(db, SCAN_RULES_SETTING, ScanRules.parse(rules));
}
