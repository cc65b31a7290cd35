/**
 * Text the add-on writes into a cell must stay text. Sheets reads a value starting with = + - @
 * as a formula (or a number), so such values get the leading apostrophe that makes Sheets keep
 * the rest as typed (the apostrophe itself is not part of the cell's value).
 */
export function asLiteral(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}
