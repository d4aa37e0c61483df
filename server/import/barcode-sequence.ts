/**
 * Barcodes for MARC records that have none, counted up from a start number the librarian gives: `NJ000001`,
 * `NJ000002`… The trailing digits keep their width; past the last (`NJ999999`) the width grows.
 */
export function barcodeSequence(start: string): () => string {
  const match = /^(.*?)(\d+)$/.exec(start);
  if (!match) throw new Error(`barcode start without trailing digits: ${start}`);
  const prefix = match[1] ?? '';
  const digits = match[2] ?? '';
  let next = BigInt(digits);
  return () => {
    const barcode = prefix + next.toString().padStart(digits.length, '0');
    next += 1n;
    return barcode;
  };
}
