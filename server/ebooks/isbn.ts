/** Finds an ISBN among free-form identifiers ("urn:isbn:978-7-02-...", "ISBN 7020002207", a URL...). */
export function isbnFrom(identifier: string): string | null {
  let value = identifier.trim().toLowerCase();
  for (const prefix of ['urn:isbn:', 'isbn:', 'isbn']) {
    if (value.startsWith(prefix)) value = value.slice(prefix.length);
  }
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  if (/^97[89]\d{10}$/.test(compact) && isbn13CheckOk(compact)) return compact;
  if (/^\d{9}[\dX]$/.test(compact) && isbn10CheckOk(compact)) return compact;
  return null;
}

function isbn13CheckOk(digits: string): boolean {
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return sum % 10 === 0;
}

function isbn10CheckOk(chars: string): boolean {
  const sum = [...chars].reduce((acc, c, i) => acc + (c === 'X' ? 10 : Number(c)) * (10 - i), 0);
  return sum % 11 === 0;
}
