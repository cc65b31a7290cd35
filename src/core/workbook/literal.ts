/** Google Sheets holds at most 50,000 characters in a cell ("Files you can store in Google Drive"). */
export const MAX_CELL_CHARACTERS = 50_000;

/**
 * Text the add-on writes into a cell must stay text, and fit. Sheets reads a value starting with
 * = + - @ as a formula (or a number), so such values get the leading apostrophe that makes Sheets
 * keep the rest as typed (the apostrophe itself is not part of the cell's value). Text longer than
 * a cell holds (a failure's reason quoting a long value) is cut, ending with "…".
 */
export function asLiteral(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text =
    value.length > MAX_CELL_CHARACTERS - 1 ? `${value.slice(0, MAX_CELL_CHARACTERS - 2)}…` : value;
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}
