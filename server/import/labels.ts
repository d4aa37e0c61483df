/** The items labels are printed for, and the library's choice of barcode symbology (a hub setting). */
import type { Database } from 'better-sqlite3';
import { LABELS_PER_PAGE, LabelSettings, type Label, type LabelSheet } from '../../shared/import/label-schemas';
import { readSetting, writeSetting } from '../settings/settings';

const SETTING = 'labels';

export function loadLabelSettings(db: Database): LabelSettings {
  const stored = readSetting(db, SETTING);
  return stored === undefined ? { symbology: 'code128' } : LabelSettings.parse(stored);
}

export function saveLabelSettings(db: Database, settings: LabelSettings): void {
  writeSetting(db, SETTING, LabelSettings.parse(settings));
}

export function labelSheet(db: Database, barcodes: readonly string[], offset: number): LabelSheet {
  const find = db.prepare('SELECT barcode, title, call_number AS callNumber FROM items WHERE barcode = ?');
  const labels: Label[] = [];
  const unknown: string[] = [];
  for (const barcode of barcodes.slice(offset, offset + LABELS_PER_PAGE)) {
    const item = find.get(barcode) as Label | undefined;
    if (item) labels.push(item);
    else unknown.push(barcode);
  }
  return { symbology: loadLabelSettings(db).symbology, labels, total: barcodes.length, offset, unknown };
}
