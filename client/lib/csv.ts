/*
 * CSV as a French spreadsheet opens it: semicolons (the comma is the decimal mark), CRLF line
 * ends, a byte-order mark so that Excel reads UTF-8, and a cell quoted when it must be.
 */

const NEEDS_QUOTES = /[";\r\n]/;

function toCell(value: string | number): string {
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((row) => row.map(toCell).join(';')).join('\r\n')}\r\n`;
}

/** `123456` → `1234,56`: an amount a spreadsheet reads as a number (no grouping, no sign). */
export function centsToCsv(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
