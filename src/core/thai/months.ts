export interface ThaiMonth {
  /** 1–12 */
  readonly number: number;
  readonly long: string;
  readonly short: string;
}

export const THAI_MONTHS: readonly ThaiMonth[] = [
  { number: 1, long: 'มกราคม', short: 'ม.ค.' },
  { number: 2, long: 'กุมภาพันธ์', short: 'ก.พ.' },
  { number: 3, long: 'มีนาคม', short: 'มี.ค.' },
  { number: 4, long: 'เมษายน', short: 'เม.ย.' },
  { number: 5, long: 'พฤษภาคม', short: 'พ.ค.' },
  { number: 6, long: 'มิถุนายน', short: 'มิ.ย.' },
  { number: 7, long: 'กรกฎาคม', short: 'ก.ค.' },
  { number: 8, long: 'สิงหาคม', short: 'ส.ค.' },
  { number: 9, long: 'กันยายน', short: 'ก.ย.' },
  { number: 10, long: 'ตุลาคม', short: 'ต.ค.' },
  { number: 11, long: 'พฤศจิกายน', short: 'พ.ย.' },
  { number: 12, long: 'ธันวาคม', short: 'ธ.ค.' },
];

// Spellings seen in real documents besides the official ones (ฏ for ฎ is the classic slip).
const VARIANTS: Record<string, number> = { กรกฏาคม: 7 };

const BY_KEY: Record<string, number> = (() => {
  const map: Record<string, number> = { ...VARIANTS };
  for (const m of THAI_MONTHS) {
    map[m.long] = m.number;
    map[key(m.short)] = m.number;
  }
  return map;
})();

function key(name: string): string {
  return name.replace(/[.\s]/g, '');
}

/** The month number (1–12) of a full or abbreviated Thai month name, with or without dots. */
export function thaiMonthNumber(name: string): number | null {
  return BY_KEY[key(name)] ?? null;
}
