/**
 * Every placeholder of the memo template, with its Thai description and how its value comes
 * from the sheet. The template check, the filling and the placeholder reference for staff all
 * come from this one list, so they cannot disagree.
 *
 * Numbers the add-on writes (scores, the year, dates) follow ใช้เลขไทย; text typed by staff is
 * inserted as typed, so codes, URLs and e-mail addresses stay as they are.
 */
import { renderScoreChart, renderTrendChart, type TrendKey } from '../chart';
import { formatHundredths, type Hundredths } from '../ita/decimal';
import type { Assessment, UnitAssessment } from '../ita/assess';
import type { ItaRules, LevelRule, UnitRule } from '../ita/types';
import type { Field, ImageValue, Scope, Value } from '../template/schema';
import { formatThaiDate } from '../thai/date-format';
import { withoutTitle } from '../thai/titles';
import { withDigits, type DigitStyle } from '../thai/digits';
import { MEASURE_COLUMNS, MEASURE_KEYS, PAGE } from './builtin-template';
import { defaultSubject, type Role } from '../workbook/contract';
import { listThai } from '../validation/describe';
import { scoreValues } from '../workbook/reader';
import type { Recommendation, Signatory, WorkbookData } from '../workbook/types';
import {
  changeWords,
  compareYears,
  MAX_COMPARED_YEARS,
  overallChangeSentence,
  passMarkSentence,
  previousYearIndex,
  toolTrendSentence,
  type ComparedRow,
  type YearComparison,
} from './year-over-year';

/** The placeholder of the approval date in the คำสั่ง block. */
export const APPROVAL_DATE_FIELD = 'วันที่อนุมัติ';

/**
 * What the approval date placeholder shows until approval: the dotted line of a date written by
 * hand. Approval replaces exactly this text in the Doc (a Docs API replaceAllText), so it must not
 * occur anywhere else in a memo.
 */
export const APPROVAL_DATE_BLANK = '........ เดือน .................... พ.ศ. ........';

export interface MemoSource {
  data: WorkbookData;
  assessment: Assessment;
  digits: DigitStyle;
  /** The office's Garuda, kept by the add-on (not in the sheet's cells). */
  garuda?: GarudaImage | null;
}

/** The office's Garuda as uploaded: PNG or JPEG bytes and their size in pixels. */
export interface GarudaImage {
  bytes: Uint8Array;
  mimeType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

/** The Garuda of a memo is 1.5 cm high (3 cm is for letters to outside bodies). */
export const GARUDA_HEIGHT_CM = 1.5;
/** Its top is 1.5 cm from the paper's edge, at the left margin. */
const GARUDA_TOP_CM = 1.5;
const PT_PER_CM = 72 / 2.54;
/** DocumentApp sizes images in pixels of 0.75 pt. */
const PT_PER_PX = 0.75;

/**
 * The Garuda as an image anchored to the title's paragraph (which starts at the top margin):
 * 1.5 cm high, its width from its proportions, its top 1.5 cm from the paper's edge.
 */
function garudaImage(m: MemoSource): ImageValue | null {
  const g = m.garuda;
  if (!g || g.width <= 0 || g.height <= 0) return null;
  const height = (GARUDA_HEIGHT_CM * PT_PER_CM) / PT_PER_PX;
  return {
    kind: 'image',
    png: g.bytes,
    mimeType: g.mimeType,
    width: Math.round((height * g.width) / g.height),
    height: Math.round(height),
    altTitle: 'ตราครุฑ',
    anchor: { left: 0, top: (GARUDA_TOP_CM - PAGE.top) * PT_PER_CM },
  };
}

interface Def<C> {
  name: string;
  kind: Field['kind'];
  description: string;
  example?: string;
  value: (c: C) => Value;
  item?: Def<never>[];
  anchored?: boolean;
}

/** A list placeholder whose items are described by `item` and computed by `items`. */
function list<C, I>(
  name: string,
  description: string,
  items: (c: C) => readonly I[],
  item: Def<I>[],
): Def<C> {
  return {
    name,
    kind: 'list',
    description,
    item: item as Def<never>[],
    value: (c) => items(c).map((i) => scopeOf(item, i)),
  };
}

function scopeOf<C>(defs: Def<C>[], c: C): Scope {
  const scope: Scope = {};
  for (const d of defs) scope[d.name] = d.value(c);
  return scope;
}

function toField(d: Def<never>): Field {
  const f: Field = { name: d.name, kind: d.kind, description: d.description };
  if (d.anchored) f.anchored = true;
  if (d.example !== undefined) f.example = d.example;
  if (d.item) f.item = d.item.map(toField);
  return f;
}

const score = (value: Hundredths | null, digits: DigitStyle): string =>
  value === null ? '' : formatHundredths(value, digits);

function indicatorLabel(n: number, name: string, digits: DigitStyle): string {
  return withDigits(`ตัวชี้วัดที่ ${n} ${name}`, digits);
}

// ---- Signatories ---------------------------------------------------------------------------

const text = (s: { value: string | null }): string => s.value ?? '';

const SIGNATORY_FIELDS: Def<Signatory>[] = [
  {
    name: 'ยศ',
    kind: 'text',
    description: 'ยศ (ถ้ามี) พิมพ์หน้าที่ลงลายมือชื่อ แทนคำนำหน้านาม',
    example: 'ว่าที่ร้อยตรี',
    value: (s) => text(s.rank),
  },
  {
    name: 'ชื่อ-สกุล',
    kind: 'text',
    description: 'ชื่อและนามสกุล พร้อมคำนำหน้า (ผู้ที่มียศ: ไม่มีคำนำหน้า เพราะยศใช้แทน)',
    example: 'นายอุทัย พวงลังกา',
    value: (s) => (s.rank.value ? withoutTitle(text(s.name)) : text(s.name)),
  },
  { name: 'ตำแหน่ง', kind: 'text', description: 'ตำแหน่งของผู้ลงนาม', value: (s) => text(s.position) },
  {
    name: 'รักษาราชการแทน',
    kind: 'text',
    description: 'ตำแหน่งที่รักษาราชการแทน (ว่างเมื่อไม่ได้รักษาราชการแทน)',
    value: (s) => text(s.actingFor),
  },
  {
    name: 'ตำแหน่งเต็ม',
    kind: 'text',
    description:
      'บรรทัดตำแหน่งในบรรทัดเดียว: "(ตำแหน่ง) รักษาราชการแทน (ตำแหน่งที่รักษาการ)" หรือตำแหน่งของตนเอง',
    value: (s) =>
      s.actingFor.value
        ? `${text(s.position)} รักษาราชการแทน ${s.actingFor.value}`
        : text(s.position),
  },
  {
    name: 'ตำแหน่งที่ให้ความเห็น',
    kind: 'text',
    description: 'ตำแหน่งที่ใช้ตั้งชื่อช่องความเห็น: ตำแหน่งที่รักษาราชการแทน ถ้ามี มิฉะนั้นตำแหน่งของตนเอง',
    example: 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล',
    value: (s) => s.actingFor.value ?? text(s.position),
  },
  { name: 'อีเมล', kind: 'text', description: 'อีเมลของผู้ลงนาม', value: (s) => text(s.email) },
];

const signatories = (role: Role) => (m: MemoSource) =>
  m.data.signatories.filter((s) => s.role.value === role);

// ---- Units (IIT, EIT ส่วนที่ ๑, EIT ส่วนที่ ๒, OIT) -----------------------------------------

interface UnitSource extends MemoSource {
  unit: UnitAssessment;
  /** "1" for IIT, "2.1" for EIT ส่วนที่ ๑ … */
  number: string;
}

interface IndicatorSource {
  m: UnitSource;
  k: number;
}

interface RecommendationGroup {
  m: UnitSource;
  indicator: number;
  rows: Recommendation[];
}

/**
 * The maintain/improve sentence of one unit. Each list of indicators is followed by its own
 * score clause ("ได้คะแนนตั้งแต่ ๘๕ …" / "ได้คะแนนต่ำกว่า ๘๕ …"), so no indicator below the pass
 * mark can be read as one to maintain.
 */
function unitSummary(u: UnitSource): string {
  const d = u.digits;
  const pass = withDigits(u.assessment.rules.passMark, d);
  const names = (list: readonly { number: number; name: string }[]) =>
    listThai(
      list.map((i) => indicatorLabel(i.number, i.name, d)),
      ' ',
    );
  const every = (n: number) => (n > 1 ? 'ทุกตัวชี้วัด' : '');
  const { maintain, improve } = u.unit;
  if (!maintain.length && !improve.length) return '';
  const improving = (all: string) =>
    `ได้คะแนนต่ำกว่า ${pass} คะแนน${all} ควรพัฒนาและปรับปรุงการดำเนินการให้ดีขึ้น`;
  if (!improve.length) {
    return `ดำเนินการตาม${names(maintain)} ได้คะแนนตั้งแต่ ${pass} คะแนนขึ้นไป${every(maintain.length)} ควรรักษามาตรฐานไว้และพัฒนาประสิทธิภาพการดำเนินงานอย่างต่อเนื่อง`;
  }
  if (!maintain.length) return `ดำเนินการตาม${names(improve)} ${improving(every(improve.length))}`;
  return `ดำเนินการตาม${names(maintain)} ได้คะแนนตั้งแต่ ${pass} คะแนนขึ้นไป ควรรักษามาตรฐานไว้ ส่วน${names(improve)} ${improving('')}`;
}

/** Recommendations of a unit under their indicators, in the order of the sheet. */
function recommendationGroups(u: UnitSource): RecommendationGroup[] {
  const groups: RecommendationGroup[] = [];
  for (const r of u.data.recommendations) {
    if (r.part.value !== u.unit.unit.id || r.indicator.value === null) continue;
    let g = groups.find((x) => x.indicator === r.indicator.value);
    if (!g) {
      g = { m: u, indicator: r.indicator.value, rows: [] };
      groups.push(g);
    }
    g.rows.push(r);
  }
  return groups;
}

function unitFields(unit: UnitRule): Def<MemoSource>[] {
  const at = (m: MemoSource): UnitSource => {
    const rules = m.assessment.rules;
    const u = m.assessment.units.find((x) => x.unit.id === unit.id) as UnitAssessment;
    const toolIndex = rules.tools.findIndex((t) => t.id === unit.toolId);
    const parts = rules.tools[toolIndex].parts;
    const number = parts ? `${toolIndex + 1}.${parts.indexOf(unit.id) + 1}` : `${toolIndex + 1}`;
    return { ...m, unit: u, number };
  };
  const n = unit.shortName;
  return [
    {
      name: `คะแนน ${n}`,
      kind: 'text',
      description: `คะแนนรวมของ ${n}`,
      value: (m) => score(at(m).unit.score, m.digits),
    },
    list<MemoSource, IndicatorSource>(
      `ตัวชี้วัด ${n}`,
      `ตัวชี้วัดของ ${n} ตามลำดับ`,
      (m) => at(m).unit.indicators.map((_, k) => ({ m: at(m), k })),
      [
        {
          name: 'ลำดับ',
          kind: 'text',
          description: 'เลขข้อในรายงาน เช่น ๑.๑ หรือ ๒.๑.๓',
          value: ({ m, k }) => withDigits(`${m.number}.${k + 1}`, m.digits),
        },
        {
          name: 'เลขตัวชี้วัด',
          kind: 'text',
          description: 'เลขตัวชี้วัดของการประเมิน (๑–๑๐)',
          value: ({ m, k }) => withDigits(m.unit.indicators[k].indicator.number, m.digits),
        },
        {
          name: 'ชื่อ',
          kind: 'text',
          description: 'ชื่อตัวชี้วัดตามเกณฑ์ของปีที่ประเมิน',
          value: ({ m, k }) => withDigits(m.unit.indicators[k].indicator.name, m.digits),
        },
        {
          name: 'คะแนน',
          kind: 'text',
          description: 'คะแนนของตัวชี้วัด',
          value: ({ m, k }) => score(m.unit.indicators[k].score, m.digits),
        },
        {
          name: 'ผล',
          kind: 'text',
          description: 'ควรรักษามาตรฐาน หรือ ควรพัฒนา (เทียบกับเกณฑ์)',
          value: ({ m, k }) =>
            m.unit.indicators[k].maintain === null
              ? ''
              : m.unit.indicators[k].maintain
                ? 'ควรรักษามาตรฐาน'
                : 'ควรพัฒนา',
        },
      ],
    ),
    {
      name: `ตัวชี้วัดที่ควรรักษา ${n}`,
      kind: 'text',
      description: `ตัวชี้วัดของ ${n} ที่ได้ตั้งแต่เกณฑ์ขึ้นไป เรียงเป็นข้อความ`,
      value: (m) =>
        listThai(
          at(m).unit.maintain.map((i) => indicatorLabel(i.number, i.name, m.digits)),
          ' ',
        ),
    },
    {
      name: `ตัวชี้วัดที่ควรพัฒนา ${n}`,
      kind: 'text',
      description: `ตัวชี้วัดของ ${n} ที่ได้ต่ำกว่าเกณฑ์ เรียงเป็นข้อความ (ว่างเมื่อไม่มี)`,
      value: (m) =>
        listThai(
          at(m).unit.improve.map((i) => indicatorLabel(i.number, i.name, m.digits)),
          ' ',
        ),
    },
    {
      name: `สรุปตัวชี้วัด ${n}`,
      kind: 'text',
      description: `ประโยคสรุปตัวชี้วัดที่ควรรักษามาตรฐานและที่ควรพัฒนาของ ${n} สร้างจากคะแนน`,
      value: (m) => unitSummary(at(m)),
    },
    {
      name: `มีข้อเสนอแนะ ${n}`,
      kind: 'flag',
      description: `ใช่ เมื่อมีข้อเสนอแนะของ ${n} (ใช้กับ {{#…}} เพื่อแสดงข้อความนำ)`,
      value: (m) => recommendationGroups(at(m)).length > 0,
    },
    list<MemoSource, RecommendationGroup>(
      `ข้อเสนอแนะ ${n}`,
      `ข้อเสนอแนะของผู้ประเมินสำหรับ ${n} จัดกลุ่มตามตัวชี้วัด`,
      (m) => recommendationGroups(at(m)),
      [
        {
          name: 'ตัวชี้วัด',
          kind: 'text',
          description: 'หัวข้อตัวชี้วัด เช่น ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่',
          value: (g) => {
            const rule = g.m.assessment.rules.indicators.find((i) => i.number === g.indicator);
            return indicatorLabel(g.indicator, rule ? rule.name : '', g.m.digits).trim();
          },
        },
        list<RecommendationGroup, Recommendation>(
          'รายการ',
          'ข้อเสนอแนะแต่ละข้อของตัวชี้วัดนี้',
          (g) => g.rows,
          [
            {
              name: 'ข้อ',
              kind: 'text',
              description: 'รหัสข้อคำถามตามที่พิมพ์ เช่น i4 (ว่างเมื่อเป็นข้อสังเกตทั่วไป)',
              value: (r) => text(r.code),
            },
            {
              name: 'ประเด็น',
              kind: 'text',
              description: 'ประเด็นและข้อเสนอแนะ',
              value: (r) => text(r.text),
            },
          ],
        ),
      ],
    ),
  ];
}

// ---- The level ------------------------------------------------------------------------------

/**
 * What the level means for this office's scores. The tools below the pass mark are named last,
 * each with its score, after "แต่มีเครื่องมือที่ยังได้คะแนนต่ำกว่า … ได้แก่" (ได้แก่, not a second
 * คือ: the sentence already says "อยู่ในระดับ… คือ"): nothing that follows can be
 * read as saying one of them passed. `targetSentence` starts a new sentence with its own
 * subject (ทั้งนี้ คะแนน ITA ในภาพรวม …) for the same reason.
 */
function levelCondition(m: MemoSource): string {
  const { rules, level, units } = m.assessment;
  if (!level) return '';
  const d = m.digits;
  const unitNames = listThai(rules.units.map((u) => withDigits(u.shortName, d)));
  const below = units.filter((u) => u.passes === false);
  const belowText = below.length
    ? `เครื่องมือที่ยังได้คะแนนต่ำกว่า ${withDigits(rules.passMark, d)} คะแนน${
        below.length > 1 ? ` ${withDigits(below.length, d)} เครื่องมือ` : ''
      } ได้แก่ ${listThai(below.map((u) => `${withDigits(u.unit.shortName, d)} (${score(u.score, d)} คะแนน)`))}`
    : '';
  if (level.minOverall !== null && level.minEveryUnit !== null) {
    return `มีผลการประเมิน ITA ในภาพรวมตั้งแต่ ${withDigits(level.minOverall, d)} คะแนนขึ้นไป และทุกเครื่องมือ (${unitNames}) ได้คะแนนตั้งแต่ ${withDigits(level.minEveryUnit, d)} คะแนนขึ้นไป`;
  }
  if (level.minOverall !== null) {
    const tail = belowText ? ` แต่มี${belowText}` : '';
    return `มีผลการประเมิน ITA ในภาพรวมตั้งแต่ ${withDigits(level.minOverall, d)} คะแนนขึ้นไป${tail}`;
  }
  const min = withDigits(lowestPassingOverall(rules.levels) ?? rules.passMark, d);
  return `มีผลการประเมิน ITA ในภาพรวมต่ำกว่า ${min} คะแนน${belowText ? ` และมี${belowText}` : ''}`;
}

function lowestPassingOverall(levels: readonly LevelRule[]): number | null {
  const mins = levels.map((l) => l.minOverall).filter((x): x is number => x !== null);
  return mins.length ? Math.min(...mins) : null;
}

/** A sentence of its own about the overall score against the national target. */
function targetSentence(m: MemoSource): string {
  const { overall, rules } = m.assessment;
  if (overall === null) return '';
  const pass = withDigits(rules.passMark, m.digits);
  const verdict = overall >= rules.passMark * 100 ? 'ผ่าน' : 'ยังไม่ผ่าน';
  return `ทั้งนี้ คะแนน ITA ในภาพรวม${verdict}ค่าเป้าหมายตามแผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็นการต่อต้านการทุจริตและประพฤติมิชอบ ที่กำหนดให้หน่วยงานภาครัฐมีผลการประเมิน ITA ตั้งแต่ ${pass} คะแนนขึ้นไป`;
}

// ---- The chart ------------------------------------------------------------------------------

function chart(m: MemoSource): ImageValue | null {
  const { assessment } = m;
  const unit = (id: string) => assessment.units.find((u) => u.unit.id === id)?.score ?? null;
  const scores: Record<string, number> = {};
  const put = (key: string, h: Hundredths | null) => {
    if (h !== null) scores[key] = h / 100;
  };
  for (const u of assessment.units) put(u.unit.id, unit(u.unit.id));
  put('ITA', assessment.overall);
  const image = renderScoreChart({
    scores,
    thaiDigits: m.digits === 'thai',
    threshold: assessment.rules.passMark,
  });
  return {
    kind: 'image',
    png: image.png,
    width: image.displayWidth,
    height: image.displayHeight,
    altTitle: 'แผนภูมิคะแนนผลการประเมิน ITA รายเครื่องมือเทียบกับเกณฑ์',
  };
}

// ---- Earlier years (ผลย้อนหลัง) ---------------------------------------------------------------

const comparisons = new WeakMap<MemoSource, YearComparison | null>();

/** The comparison with earlier years, computed once per memo. */
function comparison(m: MemoSource): YearComparison | null {
  if (!comparisons.has(m)) comparisons.set(m, compareYears(m.data, m.assessment));
  return comparisons.get(m) ?? null;
}

/** 1 … MAX_COMPARED_YEARS: the year columns a comparison table may have. */
const SLOTS = Array.from({ length: MAX_COMPARED_YEARS }, (_, i) => i + 1);
const slotName = (n: number) => withDigits(n, 'thai');

function trendChart(m: MemoSource): ImageValue | null {
  const c = comparison(m);
  if (!c) return null;
  const series: Partial<Record<TrendKey, (number | null)[]>> = {};
  for (const row of c.rows) {
    if (row.kind === 'part') continue;
    const key = (row.kind === 'overall' ? 'ITA' : row.code) as TrendKey;
    series[key] = row.values.map((v) => (v === null ? null : v / 100));
  }
  const image = renderTrendChart({
    years: c.years,
    series,
    thaiDigits: m.digits === 'thai',
    threshold: c.passMark,
  });
  return {
    kind: 'image',
    png: image.png,
    width: image.displayWidth,
    height: image.displayHeight,
    altTitle: 'แผนภูมิคะแนนผลการประเมิน ITA และรายเครื่องมือย้อนหลังเทียบกับเกณฑ์',
  };
}

/** The previous year's overall score and the change to this year's, in hundredths. */
function overallChange(
  m: MemoSource,
): { year: number; before: Hundredths; diff: Hundredths } | null {
  const c = comparison(m);
  const p = c ? previousYearIndex(c) : null;
  const row = c?.rows.find((r) => r.kind === 'overall');
  if (!c || p === null || !row) return null;
  const before = row.values[p];
  const now = row.values[c.years.length - 1];
  return before === null || now === null ? null : { year: c.years[p], before, diff: now - before };
}

function comparisonFields(): Def<MemoSource>[] {
  const sentence = (f: (c: YearComparison, d: DigitStyle) => string) => (m: MemoSource) => {
    const c = comparison(m);
    return c ? f(c, m.digits) : '';
  };
  type Change = NonNullable<ReturnType<typeof overallChange>>;
  const ofChange = (f: (change: Change, d: DigitStyle) => string) => (m: MemoSource) => {
    const change = overallChange(m);
    return change ? f(change, m.digits) : '';
  };
  return [
    {
      name: 'มีผลย้อนหลัง',
      kind: 'flag',
      description:
        'ใช่ เมื่อแท็บผลย้อนหลังมีคะแนนของปีก่อนหน้า (ใช้กับ {{#…}} เพื่อแสดงส่วนเปรียบเทียบเฉพาะเมื่อมีข้อมูล)',
      value: (m) => comparison(m) !== null,
    },
    ...SLOTS.slice(1).map((n): Def<MemoSource> => ({
      name: `ตารางเปรียบเทียบ ${slotName(n)} ปี`,
      kind: 'flag',
      description: `ใช่ เมื่อเปรียบเทียบ ${slotName(n)} ปี: ครอบตารางที่มีคอลัมน์ปี ${slotName(n)} คอลัมน์ (ปีปัจจุบันและปีก่อนหน้าไม่เกิน ${slotName(MAX_COMPARED_YEARS - 1)} ปี)`,
      value: (m) => comparison(m)?.years.length === n,
    })),
    ...SLOTS.map((n): Def<MemoSource> => ({
      name: `ปีที่ ${slotName(n)}`,
      kind: 'text',
      description: `ปีงบประมาณของคอลัมน์ที่ ${slotName(n)} ในตารางเปรียบเทียบ (เรียงจากปีเก่าไปปีปัจจุบัน)`,
      example: n === 1 ? '๒๕๖๖' : undefined,
      value: (m) => {
        const year = comparison(m)?.years[n - 1];
        return year === undefined ? '' : withDigits(year, m.digits);
      },
    })),
    list<MemoSource, { m: MemoSource; row: ComparedRow }>(
      'แถวเปรียบเทียบ',
      'แถวของตารางเปรียบเทียบ: แต่ละเครื่องมือ ส่วนของ EIT และคะแนนรวม ITA',
      (m) => comparison(m)?.rows.map((row) => ({ m, row })) ?? [],
      [
        {
          name: 'ชื่อ',
          kind: 'text',
          description: 'ชื่อเครื่องมือ ส่วน หรือคะแนนรวม',
          value: ({ m, row }) => withDigits(row.label, m.digits),
        },
        ...SLOTS.map((n): Def<{ m: MemoSource; row: ComparedRow }> => ({
          name: `คะแนนปีที่ ${slotName(n)}`,
          kind: 'text',
          description: `คะแนนของปีที่ ${slotName(n)} (– เมื่อปีนั้นไม่มีคะแนนนี้)`,
          value: ({ m, row }) => {
            if (n > row.values.length) return '';
            const v = row.values[n - 1];
            return v === null ? '–' : formatHundredths(v, m.digits);
          },
        })),
      ],
    ),
    {
      name: 'ช่วงปีเปรียบเทียบ',
      kind: 'text',
      description: 'ปีแรกถึงปีปัจจุบันของการเปรียบเทียบ',
      example: '๒๕๖๖–๒๕๖๘',
      value: (m) => {
        const years = comparison(m)?.years ?? [];
        return years.length ? withDigits(`${years[0]}–${years[years.length - 1]}`, m.digits) : '';
      },
    },
    {
      name: 'ปีก่อน',
      kind: 'text',
      description: 'ปีที่นำมาเทียบ: ปีล่าสุดก่อนปีนี้ที่มีคะแนนรวม ITA',
      example: '๒๕๖๗',
      value: ofChange((change, d) => withDigits(change.year, d)),
    },
    {
      name: 'คะแนนรวมปีก่อน',
      kind: 'text',
      description: 'คะแนน ITA ภาพรวมของปีที่นำมาเทียบ',
      value: ofChange((change, d) => formatHundredths(change.before, d)),
    },
    {
      name: 'ผลต่างคะแนนรวม',
      kind: 'text',
      description: 'คะแนน ITA ภาพรวมเปลี่ยนไปจากปีที่นำมาเทียบเท่าใด',
      example: 'เพิ่มขึ้น ๕.๗๔ คะแนน',
      value: ofChange((change, d) => changeWords(change.diff, d)),
    },
    {
      name: 'สรุปผลเทียบปีก่อน',
      kind: 'text',
      description: 'ประโยคสรุปคะแนน ITA ภาพรวมเทียบกับปีก่อน สร้างจากคะแนนในตาราง',
      value: sentence(overallChangeSentence),
    },
    {
      name: 'สรุปการผ่านเกณฑ์รายเครื่องมือ',
      kind: 'text',
      description: 'ประโยคบอกเครื่องมือที่คะแนนขึ้นมาผ่านเกณฑ์หรือลดลงต่ำกว่าเกณฑ์เมื่อเทียบกับปีก่อน',
      value: sentence(passMarkSentence),
    },
    {
      name: 'สรุปแนวโน้มรายเครื่องมือ',
      kind: 'text',
      description: 'ประโยคบอกเครื่องมือที่ได้คะแนนสูงสุดและต่ำสุดในปีนี้ และคะแนนเปลี่ยนไปจากปีก่อนเท่าใด',
      value: sentence(toolTrendSentence),
    },
    {
      name: 'แผนภูมิผลย้อนหลัง',
      kind: 'image',
      description: 'แผนภูมิเส้นคะแนน ITA ภาพรวมและรายเครื่องมือในแต่ละปีเทียบเส้นเกณฑ์ (ต้องอยู่ในย่อหน้าของตัวเอง)',
      value: trendChart,
    },
  ];
}

// ---- Everything -----------------------------------------------------------------------------

function fields(rules: ItaRules): Def<MemoSource>[] {
  const g = (m: MemoSource) => m.data.general;
  const fy = (m: MemoSource) => g(m).fiscalYear.value;
  return [
    {
      name: 'ชื่อหน่วยงาน',
      kind: 'text',
      description: 'ชื่อหน่วยงานเต็ม',
      example: 'องค์การบริหารส่วนตำบลเมืองเก่า',
      value: (m) => text(g(m).organisation),
    },
    { name: 'อำเภอ', kind: 'text', description: 'อำเภอ', value: (m) => text(g(m).district) },
    { name: 'จังหวัด', kind: 'text', description: 'จังหวัด', value: (m) => text(g(m).province) },
    {
      name: 'ปีงบประมาณ',
      kind: 'text',
      description: 'ปีงบประมาณ พ.ศ.',
      example: '๒๕๖๘',
      value: (m) => (fy(m) === null ? '' : withDigits(fy(m) as number, m.digits)),
    },
    {
      name: 'ส่วนราชการ',
      kind: 'text',
      description: 'ส่วนราชการเจ้าของเรื่อง',
      value: (m) => text(g(m).unit),
    },
    {
      name: 'โทรศัพท์',
      kind: 'text',
      description: 'โทรศัพท์ของส่วนราชการ (ว่างได้)',
      value: (m) => text(g(m).phone),
    },
    {
      name: 'เลขที่หนังสือ',
      kind: 'text',
      description: 'เลขที่หนังสือ (ว่างได้: เว้นไว้เขียนด้วยมือ)',
      value: (m) => text(g(m).documentNumber),
    },
    {
      name: 'วันที่หนังสือ',
      kind: 'text',
      description: 'วันที่ของบันทึก เป็นปีพุทธศักราช',
      example: '๓ ตุลาคม ๒๕๖๘',
      value: (m) => {
        const date = g(m).memoDate.value;
        return date ? formatThaiDate(date, { digits: m.digits }) : '';
      },
    },
    {
      name: APPROVAL_DATE_FIELD,
      kind: 'text',
      description:
        'วันที่ผู้สั่งการอนุมัติ สำหรับช่องคำสั่ง: ก่อนอนุมัติเป็นเส้นประให้ลงวันที่ด้วยมือได้ เมื่อบันทึกการอนุมัติแล้วระบบเปลี่ยนเป็นวันที่อนุมัติในเอกสาร',
      example: '๑๐ ตุลาคม ๒๕๖๘',
      value: () => APPROVAL_DATE_BLANK,
    },
    {
      name: 'เรื่อง',
      kind: 'text',
      description: 'เรื่องของบันทึก (ว่างในชีต: ใช้ข้อความมาตรฐานพร้อมปีงบประมาณ)',
      value: (m) =>
        g(m).subject.value ?? (fy(m) === null ? '' : defaultSubject(fy(m) as number, m.digits)),
    },
    {
      name: 'เรียน',
      kind: 'text',
      description: 'ผู้รับบันทึก เช่น นายกองค์การบริหารส่วนตำบลเมืองเก่า',
      value: (m) => text(g(m).addressee),
    },
    {
      name: 'เว็บไซต์',
      kind: 'text',
      description: 'เว็บไซต์ที่จะเผยแพร่รายงาน (ว่างได้)',
      value: (m) => text(g(m).website),
    },
    {
      name: 'ตราครุฑ',
      kind: 'image',
      anchored: true,
      description:
        'ตราครุฑของหน่วยงาน (อัปโหลดครั้งเดียวในแถบด้านข้าง) สูง ๑.๕ ซม. วางชิดขอบซ้ายบนบรรทัดของย่อหน้าที่มีป้ายนี้ เช่น บรรทัด “บันทึกข้อความ” ป้ายนี้อยู่ร่วมกับข้อความได้ เมื่อยังไม่มีตราครุฑ ป้ายนี้ถูกลบออก',
      value: garudaImage,
    },
    {
      name: 'คะแนนรวม',
      kind: 'text',
      description: 'คะแนน ITA ภาพรวม',
      example: '๙๓.๕๓',
      value: (m) => score(m.assessment.overall, m.digits),
    },
    ...rules.tools
      .filter((t) => t.parts)
      .map((t): Def<MemoSource> => ({
        name: `คะแนน ${t.id}`,
        kind: 'text',
        description: `คะแนนรวมของ ${t.id} (ค่าเฉลี่ยของส่วนย่อย)`,
        value: (m) =>
          score(scoreValues(m.data.scores)[t.id] ?? m.assessment.expected[t.id] ?? null, m.digits),
      })),
    {
      name: 'ระดับผลการประเมิน',
      kind: 'text',
      description: 'ระดับผลการประเมิน คำนวณจากคะแนน',
      example: 'ผ่าน',
      value: (m) => m.assessment.level?.name ?? '',
    },
    {
      name: 'เงื่อนไขระดับผลการประเมิน',
      kind: 'text',
      description: 'คำอธิบายของระดับผลการประเมิน สร้างจากเกณฑ์และคะแนน',
      value: levelCondition,
    },
    {
      name: 'ผลเทียบค่าเป้าหมาย',
      kind: 'text',
      description: 'ประโยคว่าผ่านค่าเป้าหมาย ๘๕ คะแนนของแผนแม่บทหรือไม่',
      value: targetSentence,
    },
    {
      name: 'เกณฑ์ผ่าน',
      kind: 'text',
      description: 'คะแนนเกณฑ์ผ่าน',
      example: '๘๕',
      value: (m) => withDigits(m.assessment.rules.passMark, m.digits),
    },
    {
      name: 'แผนภูมิคะแนน',
      kind: 'image',
      description: 'แผนภูมิแท่งคะแนนรายเครื่องมือเทียบเส้นเกณฑ์ (ต้องอยู่ในย่อหน้าของตัวเอง)',
      value: chart,
    },
    ...rules.units.flatMap(unitFields),
    ...comparisonFields(),
    list('ผู้เสนอ', 'ผู้เสนอบันทึก (หนึ่งคน)', signatories('proposer'), SIGNATORY_FIELDS),
    list('ผู้ให้ความเห็น', 'ผู้บังคับบัญชาที่ให้ความเห็น ตามลำดับ', signatories('reviewer'), SIGNATORY_FIELDS),
    list('ผู้สั่งการ', 'ผู้สั่งการ (หนึ่งคน)', signatories('approver'), SIGNATORY_FIELDS),
    list(
      'มาตรการ',
      'มาตรการ/กิจกรรมแต่ละแถวของแผ่นงานมาตรการ',
      (m) => m.data.measures,
      MEASURE_COLUMNS.map((name, i) => [name, MEASURE_KEYS[i]]).map(
        ([name, key]): Def<WorkbookData['measures'][number]> => ({
          name,
          kind: 'text',
          description: `คอลัมน์ ${name} (หลายบรรทัดได้: ในย่อหน้าของตัวเอง แต่ละบรรทัดเป็นหนึ่งย่อหน้า)`,
          value: (row) => row[key as 'activity'].value?.text ?? '',
        }),
      ),
    ),
  ];
}

/** The placeholders a template may use for an assessment year. */
export function memoSchema(rules: ItaRules): Field[] {
  return fields(rules).map((d) => toField(d as Def<never>));
}

/** The values of every placeholder. */
export function memoValues(source: MemoSource): Scope {
  return scopeOf(fields(source.assessment.rules), source);
}
