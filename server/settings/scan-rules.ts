/** The library's card and item barcode patterns, handed to every kiosk with its config. */
import type { Database } from 'better-sqlite3';
import { DEFAULT_CARD_RULE, DEFAULT_ITEM_RULE, ScanRules } from '../../shared/barcodes';
import { readSetting, writeSetting } from './settings';

const SCAN_RULES_SETTING = 'scanRules';

export function loadScanRules(db: Database): ScanRules {
  const stored = readSetting(db, SCAN_RULES_SETTING);
  return stored === undefined ? { card: DEFAULT_CARD_RULE, item: DEFAULT_ITEM_RULE } : ScanRules.parse(stored);
}

export function saveScanRules(db: Database, rules: ScanRules): void {
  writeSetting(db, SCAN_RULES_SETTING, ScanRules.parse(rules));
}
