// Generates src/core/chart/glyphs.generated.ts: the Sarabun glyph outlines the score chart needs,
// so the chart can typeset Thai in Apps Script, where there is no font engine.
//   (a) single glyphs for the numbers drawn at run time (digits in both scripts, '.', '-');
//   (b) whole labels pre-shaped here by fontkit (GSUB/GPOS: Thai marks stacked and shifted), which
//       the run-time code cannot do. A label not listed below cannot be drawn: add it here.
// Usage: node scripts/make-chart-glyphs.mjs   (the output is committed; rerun after editing LABELS)
//        node scripts/make-chart-glyphs.mjs --check   (exit 1 if the committed file is stale)
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'src/core/chart/glyphs.generated.ts');
const fontDir = join(root, 'node_modules/@expo-google-fonts/sarabun');
const FONTS = {
  r: join(fontDir, '400Regular/Sarabun_400Regular.ttf'),
  b: join(fontDir, '700Bold/Sarabun_700Bold.ttf'),
};

/** Characters composed at run time into numbers (and the space between label parts); none of
 * them takes a Thai mark, so placing them by their advances is exact. */
const CHARS = '0123456789๐๑๒๓๔๕๖๗๘๙.- ';
/** Fixed label strings per weight, shaped whole. Keep in step with the labels in render.ts. */
const LABELS = {
  r: [
    'IIT',
    'EIT ส่วนที่ ๑',
    'EIT ส่วนที่ ๒',
    'EIT ส่วนที่ 1',
    'EIT ส่วนที่ 2',
    'OIT',
    'เกณฑ์',
    'คะแนน',
    'ผ่านเกณฑ์',
    'ต่ำกว่าเกณฑ์',
    'ITA ภาพรวม',
    // The trend chart (trend.ts): its legend and the year axis.
    'EIT',
    'ปีงบประมาณ',
  ],
  b: ['ITA ภาพรวม'],
};

// Numbers are written as little-endian base-32 digit groups: one character per 5 bits, from the
// first half of the alphabet for the last group and the second half for the groups before it.
// Values are zigzag-encoded (0, -1, 1, -2 … → 0, 1, 2, 3 …). The alphabet needs no escaping.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/**
 * Outline coordinates are stored in multiples of this many font units: 4 units is 0.1 px at
 * 13 px × scale 2, far below what anti-aliasing shows, and makes most deltas one character.
 */
const QUANTUM = 4;

function encodeNumber(v) {
  if (!Number.isInteger(v)) throw new Error(`not an integer: ${v}`);
  let z = v < 0 ? -2 * v - 1 : 2 * v;
  let s = '';
  while (z >= 32) {
    s += ALPHABET[32 + (z & 31)];
    z >>>= 5;
  }
  return s + ALPHABET[z];
}

/**
 * One glyph outline as a number stream: contour count, then per contour its start point and
 * segment count, then the segments. Every point is relative to the previous one; a segment's
 * first number is dx * 2 + kind (0 line, 1 quadratic: kind = n & 1, also for negative n).
 * Contours close
 * implicitly. TrueType outlines have no cubic curves.
 */
function encodeGlyph(glyph) {
  const contours = [];
  let current = null;
  for (const { command, args } of glyph.path.commands) {
    const a = args.map((n) => Math.round(n / QUANTUM));
    if (command === 'moveTo') {
      current = { start: a, segs: [] };
      contours.push(current);
    } else if (command === 'lineTo') {
      current.segs.push({ kind: 0, pts: a });
    } else if (command === 'quadraticCurveTo') {
      current.segs.push({ kind: 1, pts: a });
    } else if (command === 'closePath') {
      current = null;
    } else {
      throw new Error(`unexpected outline command ${command} in glyph ${glyph.name}`);
    }
  }
  const nums = [contours.length];
  let px = 0;
  let py = 0;
  for (const c of contours) {
    // A final segment that returns to the start point is redundant with the implicit close.
    const last = c.segs[c.segs.length - 1];
    if (last && last.kind === 0 && last.pts[0] === c.start[0] && last.pts[1] === c.start[1]) {
      c.segs.pop();
    }
    nums.push(c.start[0] - px, c.start[1] - py, c.segs.length);
    [px, py] = c.start;
    for (const s of c.segs) {
      for (let i = 0; i < s.pts.length; i += 2) {
        const dx = s.pts[i] - px;
        const dy = s.pts[i + 1] - py;
        if (i === 0) nums.push(dx * 2 + s.kind, dy);
        else nums.push(dx, dy);
        [px, py] = [s.pts[i], s.pts[i + 1]];
      }
    }
  }
  return nums.map(encodeNumber).join('');
}

const fonts = Object.fromEntries(
  Object.entries(FONTS).map(([w, file]) => [w, fontkit.openSync(file)]),
);
const glyphIndex = new Map();
const glyphData = [];
/** The glyph's index in GLYPHS, or -1 for a glyph that draws nothing (space). */
function localGlyph(weight, glyph) {
  if (glyph.path.commands.length === 0) return -1;
  const key = `${weight}:${glyph.id}`;
  if (!glyphIndex.has(key)) {
    glyphIndex.set(key, glyphData.length);
    glyphData.push(encodeGlyph(glyph));
  }
  return glyphIndex.get(key);
}

const chars = { r: {}, b: {} };
for (const [w, font] of Object.entries(fonts)) {
  for (const ch of CHARS) {
    const run = font.layout(ch);
    if (run.glyphs.length !== 1 || run.glyphs[0].id === 0) throw new Error(`no glyph for ${ch}`);
    chars[w][ch] = [localGlyph(w, run.glyphs[0]), run.positions[0].xAdvance];
  }
}

const labels = {};
for (const [w, texts] of Object.entries(LABELS)) {
  for (const text of texts) {
    const run = fonts[w].layout(text);
    const placed = [];
    let x = 0;
    let y = 0;
    run.glyphs.forEach((g, i) => {
      if (g.id === 0) throw new Error(`missing glyph in ${JSON.stringify(text)}`);
      const p = run.positions[i];
      const index = localGlyph(w, g);
      if (index >= 0) placed.push(index, x + p.xOffset, y + p.yOffset);
      x += p.xAdvance;
      y += p.yAdvance;
    });
    labels[`${w}:${text}`] = [x, ...placed].map(encodeNumber).join('');
  }
}

const { r } = fonts;
const src = `// Generated by scripts/make-chart-glyphs.mjs from Sarabun (Regular ${FONTS.r.split('/').pop()}, Bold
// ${FONTS.b.split('/').pop()}, ${r.version}). Do not edit: rerun the script.
// ${r.copyright}. Licensed under the SIL Open Font License 1.1.

/** Font design units per em, and the font's ascent and descent (descent negative). */
export const UNITS_PER_EM = ${r.unitsPerEm};
export const ASCENT = ${r.ascent};
export const DESCENT = ${r.descent};

/** Digit alphabet of the outline encoding (see the generator). */
export const ALPHABET = '${ALPHABET}';
/** Outline coordinates are stored in units of this many font units. */
export const QUANTUM = ${QUANTUM};

/** Glyph outlines, encoded; a glyph is referred to by its index here. */
export const GLYPHS: readonly string[] = ${JSON.stringify(glyphData).replaceAll('"', "'")};

/** Per weight (r regular, b bold): character → [glyph index or -1, advance in font units]. */
export const CHARS: Readonly<Record<'r' | 'b', Readonly<Record<string, readonly [number, number]>>>> =
  ${JSON.stringify(chars)};

/**
 * Pre-shaped labels by 'weight:text', encoded like the outlines: advance, then per drawn glyph
 * its index, x and y, in font units from the pen origin on the baseline, y up.
 */
export const LABELS: Readonly<Record<string, string>> = ${JSON.stringify(labels).replaceAll('"', "'")};
`;

const options = (await prettier.resolveConfig(out)) ?? {};
const formatted = await prettier.format(src, { ...options, filepath: out });
if (process.argv.includes('--check')) {
  const current = readFileSync(out, 'utf8');
  if (current !== formatted) {
    console.error(`${out} is stale: run node scripts/make-chart-glyphs.mjs`);
    process.exit(1);
  }
  console.log(`${out} is up to date`);
  process.exit(0);
}
writeFileSync(out, formatted);
console.log(
  `${out}: ${glyphData.length} glyphs, ${Object.keys(labels).length} labels, ${formatted.length} bytes`,
);
