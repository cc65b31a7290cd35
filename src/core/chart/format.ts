// Numbers as the chart prints them. No Intl and no toFixed: Apps Script may lack the one, and
// the other rounds binary floats ((91.335).toFixed(2) is "91.33"; published scores round
// half-up in decimal).

const THAI_ZERO = 0x0e50;

/** `value` rounded half-up (in decimal) to `decimals` places, e.g. 91.335 → "91.34". */
export function formatFixed(value: number, decimals: number): string {
  if (!isFinite(value)) return '';
  // 15 significant digits undo binary representation error: 91.335 → "91.3350000000000".
  const magnitude = Math.abs(value);
  const text = magnitude < 1e-9 ? '0' : magnitude.toPrecision(15);
  if (/e/.test(text)) return value < 0 ? '-' + text : text; // beyond any score's range
  const [int, frac = ''] = text.split('.');
  const digits = (int + (frac + '0'.repeat(decimals + 1)).slice(0, decimals + 1)).split('');
  const roundUp = Number(digits.pop()) >= 5;
  // Add one unit in the last kept place, carrying leftwards.
  let carry = roundUp ? 1 : 0;
  for (let i = digits.length - 1; i >= 0 && carry; i--) {
    const d = Number(digits[i]) + carry;
    digits[i] = String(d % 10);
    carry = d >= 10 ? 1 : 0;
  }
  if (carry) digits.unshift('1');
  const whole = digits
    .slice(0, digits.length - decimals)
    .join('')
    .replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(digits.length - decimals).join('');
  const body = decimals > 0 ? `${whole}.${fraction}` : whole;
  return value < 0 && /[1-9]/.test(body) ? '-' + body : body;
}

/** Short form for a threshold: 85 → "85", 85.5 → "85.5", 85.25 → "85.25". */
export function formatShort(value: number): string {
  return formatFixed(value, 2).replace(/\.?0+$/, '');
}

export function toDigits(text: string, thai: boolean): string {
  return thai
    ? text.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + d.charCodeAt(0) - 48))
    : text;
}
