/**
 * A4 label sheets: 3 × 8 labels of 70 × 37 mm (the common Avery/得力 24-up sheet), each with the barcode, its text,
 * a short title and the call number. Only the sheets print (labels.css hides the rest of the panel).
 */
import type { Label, LabelSymbology } from '../../shared/import/label-schemas';
import { BarcodeSvg, canDraw } from './barcode-svg';

export const LABELS_PER_SHEET = 24;
const TITLE_CHARS = 28;

const shortTitle = (title: string) => (title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1)}…` : title);

export function LabelSheets({ labels, symbology }: { labels: readonly Label[]; symbology: LabelSymbology }) {
  const sheets: Label[][] = [];
  for (let at = 0; at < labels.length; at += LABELS_PER_SHEET) sheets.push(labels.slice(at, at + LABELS_PER_SHEET));
  return (
    <div class="label-sheets">
      {sheets.map((sheet, i) => (
        <div class="label-sheet" key={i}>
          {sheet.map((label) => (
            <div class="label" key={label.barcode} data-barcode={label.barcode}>
              {canDraw(symbology, label.barcode) && <BarcodeSvg symbology={symbology} text={label.barcode} />}
              <div class="label-code" translate={false}>
                {label.barcode}
              </div>
              <div class="label-title">{shortTitle(label.title)}</div>
              {label.callNumber && <div class="label-call">{label.callNumber}</div>}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
