import type { Color as ExcelColor } from 'exceljs';

/**
 * Colours as Sheets reports them ('#rrggbb', lower case) and as xlsx stores them (ARGB, or a theme
 * index with a tint). Sheets accepts CSS names and '#rgb' on input.
 */

const CSS_NAMES: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  lime: '#00ff00',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  cyan: '#00ffff',
  aqua: '#00ffff',
  magenta: '#ff00ff',
  fuchsia: '#ff00ff',
  silver: '#c0c0c0',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  darkgray: '#a9a9a9',
  darkgrey: '#a9a9a9',
  maroon: '#800000',
  olive: '#808000',
  purple: '#800080',
  teal: '#008080',
  navy: '#000080',
  orange: '#ffa500',
  pink: '#ffc0cb',
  brown: '#a52a2a',
  gold: '#ffd700',
  lightyellow: '#ffffe0',
  lightgreen: '#90ee90',
  lightblue: '#add8e6',
};

/**
 * '#RGB', '#RRGGBB', '#AARRGGBB' or a CSS name → '#rrggbb'; null or '' → null (no colour);
 * undefined when the text is no colour at all.
 */
export function parseColor(input: string | null | undefined): string | null | undefined {
  if (input === null || input === undefined) return null;
  const s = String(input).trim().toLowerCase();
  if (s === '' || s === 'none' || s === 'transparent') return null;
  if (CSS_NAMES[s]) return CSS_NAMES[s];
  const hex = s.startsWith('#') ? s.slice(1) : s;
  if (/^[0-9a-f]{3}$/.test(hex)) return `#${[...hex].map((c) => c + c).join('')}`;
  if (/^[0-9a-f]{6}$/.test(hex)) return `#${hex}`;
  if (/^[0-9a-f]{8}$/.test(hex)) return `#${hex.slice(2)}`;
  return undefined;
}

export function toArgb(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}

/** The default Office theme, the one Excel and Sheets' exports use for theme colours 0–9. */
const THEME = [
  '#ffffff',
  '#000000',
  '#e7e6e6',
  '#44546a',
  '#4472c4',
  '#ed7d31',
  '#a5a5a5',
  '#ffc000',
  '#5b9bd5',
  '#70ad47',
];

function applyTint(hex: string, tint: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const tinted = channels.map((c) => Math.round(tint < 0 ? c * (1 + tint) : c + (255 - c) * tint));
  return `#${tinted.map((c) => Math.min(255, Math.max(0, c)).toString(16).padStart(2, '0')).join('')}`;
}

/** An xlsx colour as '#rrggbb', or null when it names none we can resolve (indexed palettes). */
export function fromExcelColor(color: Partial<ExcelColor> | undefined): string | null {
  if (!color) return null;
  if (typeof color.argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(color.argb))
    return `#${color.argb.slice(2).toLowerCase()}`;
  if (typeof color.theme === 'number' && THEME[color.theme]) {
    const tint = (color as { tint?: number }).tint;
    return tint ? applyTint(THEME[color.theme], tint) : THEME[color.theme];
  }
  return null;
}
