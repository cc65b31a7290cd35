/**
 * The one typeface both renderers use: Sarabun (OFL), from @expo-google-fonts/sarabun.
 *
 * Whatever family the model names is drawn in Sarabun: the memo is written in Sarabun, Google's
 * default "Arial" has no Thai, and embedding one family keeps files small and output identical
 * on every machine. The TH Sarabun family (TH SarabunPSK, TH Sarabun New) and Debian's Laksaman
 * are the same design drawn about 1.45× smaller per point, so their sizes are divided by 1.45:
 * 16 pt TH Sarabun New looks like 11 pt Sarabun, which is how it looks on paper.
 */
import { readFileSync } from 'node:fs';

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** The family name written into the DOCX and embedded in both outputs. */
export const RENDER_FAMILY = 'Sarabun';

/** How much larger per point Sarabun is drawn than the TH Sarabun family. */
export const TH_SARABUN_SCALE = 1.45;

const FILES: Record<Face, string> = {
  regular: '400Regular/Sarabun_400Regular.ttf',
  bold: '700Bold/Sarabun_700Bold.ttf',
  italic: '400Regular_Italic/Sarabun_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Sarabun_700Bold_Italic.ttf',
};

/**
 * Sarabun's vertical metrics in em (hhea ascent 1068, descent 232 per 1000). Stacked Thai marks
 * reach 1.25 em above the baseline, so the natural 1.3 em line lets them touch the line above;
 * single spacing is drawn 1.4 em high, the extra 0.1 em split above and below the glyphs.
 */
export const ASCENT_EM = 1.068;
export const DESCENT_EM = 0.232;
export const LINE_EM = 1.4;
const HALF_LEADING_EM = (LINE_EM - ASCENT_EM - DESCENT_EM) / 2;
/** Height above the baseline of a single-spaced line, per point of font size. */
export const LINE_ASCENT_EM = ASCENT_EM + HALF_LEADING_EM;
/** Depth below the baseline of a single-spaced line, per point of font size. */
export const LINE_DESCENT_EM = DESCENT_EM + HALF_LEADING_EM;

const buffers = new Map<Face, Buffer>();

/** The TTF bytes of a face, read once per process. */
export function fontBuffer(face: Face): Buffer {
  let buf = buffers.get(face);
  if (!buf) {
    buf = readFileSync(require.resolve(`@expo-google-fonts/sarabun/${FILES[face]}`));
    buffers.set(face, buf);
  }
  return buf;
}

export function faceOf(bold: boolean, italic: boolean): Face {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

const SMALL_DESIGNS = /^\s*(th\s*sarabun|thsarabun|laksaman)/i;

/** Factor from the model's point size to the Sarabun point size that looks the same. */
export function sizeScale(family: string | undefined): number {
  return family && SMALL_DESIGNS.test(family) ? 1 / TH_SARABUN_SCALE : 1;
}
