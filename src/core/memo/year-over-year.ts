/**
 * The comparison with earlier years: the figures of the report's table (ผลย้อนหลัง's valid years
 * and this year's scores, in hundredths) and the sentences derived from them. Every sentence
 * reads the same hundredths the table prints, so none can contradict a printed figure.
 */
import type { Assessment } from '../ita/assess';
import { formatHundredths, toHundredths, type Hundredths } from '../ita/decimal';
import type { ItaRules } from '../ita/types';
import { withDigits, type DigitStyle } from '../thai/digits';
import { listThai } from '../validation/describe';
import { checkHistoryYears } from '../validation/history';
import { scoreValues } from '../workbook/reader';
import type { History, WorkbookData } from '../workbook/types';

/** The report compares at most this many years: the fiscal year and the four before it. */
export const MAX_COMPARED_YEARS = 5;

export interface ComparedRow {
  /** ITA, IIT, EIT, EIT1 … */
  readonly code: string;
  readonly kind: 'overall' | 'tool' | 'part';
  /** As the table prints it. */
  readonly label: string;
  /** One per year of the comparison; null where that year has no score. */
  readonly values: readonly (Hundredths | null)[];
}

export interface YearComparison {
  /** Ascending; the last is the sheet's fiscal year. */
  readonly years: readonly number[];
  /** Each tool followed by its parts, then the overall score. */
  readonly rows: readonly ComparedRow[];
  readonly passMark: number;
}

type Scores = Record<string, Hundredths>;

/** The rows the comparison can have, in table order. */
function comparedCodes(rules: ItaRules): Omit<ComparedRow, 'values'>[] {
  const rows: Omit<ComparedRow, 'values'>[] = [];
  for (const tool of rules.tools) {
    rows.push({ code: tool.id, kind: 'tool', label: tool.name });
    for (const part of tool.parts ?? []) {
      const unit = rules.units.find((u) => u.id === part);
      rows.push({ code: part, kind: 'part', label: unit ? unit.shortName : part });
    }
  }
  rows.push({ code: rules.overall.code, kind: 'overall', label: rules.overall.name });
  return rows;
}

/** This year's figures as the report prints them elsewhere (published, else computed). */
function currentScores(data: WorkbookData, assessment: Assessment): Scores {
  const typed = scoreValues(data.scores);
  const scores: Scores = {};
  const put = (code: string, h: Hundredths | null | undefined) => {
    if (h !== null && h !== undefined) scores[code] = h;
  };
  for (const u of assessment.units) put(u.unit.id, u.score);
  for (const t of assessment.rules.tools) put(t.id, typed[t.id] ?? assessment.expected[t.id]);
  put(assessment.rules.overall.code, assessment.overall);
  return scores;
}

/** Each valid earlier year's scores: the first row of each code, numbers 0–100 with two decimals. */
function earlierScores(history: History, fiscalYear: number, codes: string[]): Map<number, Scores> {
  const { valid } = checkHistoryYears(history, fiscalYear);
  const byYear = new Map<number, Scores>();
  for (const y of valid) {
    const index = history.years.indexOf(y);
    const scores: Scores = {};
    for (const entry of history.entries) {
      const code = entry.code.value;
      const value = entry.scores[index].value;
      if (code === null || codes.indexOf(code) < 0 || code in scores || value === null) continue;
      const h = value >= 0 && value <= 100 ? toHundredths(value) : null;
      if (h !== null) scores[code] = h;
    }
    if (Object.keys(scores).length) byYear.set(y.year.value as number, scores);
  }
  return byYear;
}

/** The comparison, or null when ผลย้อนหลัง has no score of an earlier year. */
export function compareYears(data: WorkbookData, assessment: Assessment): YearComparison | null {
  const fiscalYear = data.general.fiscalYear.value;
  if (fiscalYear === null) return null;
  const rules = assessment.rules;
  const codes = comparedCodes(rules);
  const earlier = earlierScores(
    data.history,
    fiscalYear,
    codes.map((c) => c.code),
  );
  if (earlier.size === 0) return null;
  const years = [...earlier.keys()]
    .sort((a, b) => a - b)
    .slice(-(MAX_COMPARED_YEARS - 1))
    .concat(fiscalYear);
  const current = currentScores(data, assessment);
  const rows = codes
    .map((c) => ({
      ...c,
      values: years.map((y) => (y === fiscalYear ? current : earlier.get(y))?.[c.code] ?? null),
    }))
    .filter((r) => r.values.some((v) => v !== null));
  return { years, rows, passMark: rules.passMark };
}

// ---- Sentences --------------------------------------------------------------------------------

interface Words {
  year: (y: number) => string;
  score: (h: Hundredths) => string;
  pass: string;
}

function wordsFor(c: YearComparison, digits: DigitStyle): Words {
  return {
    year: (y) => withDigits(y, digits),
    score: (h) => formatHundredths(h, digits),
    pass: withDigits(c.passMark, digits),
  };
}

const overallRow = (c: YearComparison) => c.rows.find((r) => r.kind === 'overall') ?? null;
const toolRows = (c: YearComparison) => c.rows.filter((r) => r.kind === 'tool');
const last = (c: YearComparison) => c.years.length - 1;

/** The year compared with: the latest earlier year with an overall score, else the latest. */
export function previousYearIndex(c: YearComparison): number | null {
  const values = overallRow(c)?.values ?? [];
  for (let i = last(c) - 1; i >= 0; i--)
    if (values[i] !== null && values[i] !== undefined) return i;
  return last(c) >= 1 ? last(c) - 1 : null;
}

/** "เพิ่มขึ้น ๕.๗๔ คะแนน", "ลดลง ๓.๒๐ คะแนน" or "เท่าเดิม". */
export function changeWords(diff: Hundredths, digits: DigitStyle): string {
  if (diff === 0) return 'เท่าเดิม';
  return `${diff > 0 ? 'เพิ่มขึ้น' : 'ลดลง'} ${formatHundredths(Math.abs(diff), digits)} คะแนน`;
}

/** The change of the overall score from the year before, and a run of rises or falls before it. */
export function overallChangeSentence(c: YearComparison, digits: DigitStyle): string {
  const row = overallRow(c);
  const p = previousYearIndex(c);
  const now = row?.values[last(c)] ?? null;
  const before = p === null ? null : (row?.values[p] ?? null);
  if (row === null || p === null || now === null || before === null) return '';
  const w = wordsFor(c, digits);
  const year = `ปีงบประมาณ พ.ศ. ${w.year(c.years[p])}`;
  const head = `คะแนนผลการประเมิน ITA ในภาพรวม ประจำปีงบประมาณ พ.ศ. ${w.year(c.years[last(c)])} อยู่ที่ ${w.score(now)} คะแนน`;
  const diff = now - before;
  if (diff === 0) return `${head} เท่าเดิมเมื่อเทียบกับ${year}`;
  return `${head} ${changeWords(diff, digits)}จาก${year} ซึ่งได้ ${w.score(before)} คะแนน${streak(c, row, w)}`;
}

/** " และเพิ่มขึ้นต่อเนื่องตั้งแต่ปีงบประมาณ พ.ศ. ๒๕๖๖ เป็นต้นมา" when two or more changes in a row agree. */
function streak(c: YearComparison, row: ComparedRow, w: Words): string {
  const known = c.years.map((y, i) => ({ y, v: row.values[i] })).filter((x) => x.v !== null);
  const sign = (i: number) => Math.sign((known[i].v as number) - (known[i - 1].v as number));
  const end = known.length - 1;
  let start = end;
  while (start > 0 && sign(start) !== 0 && sign(start) === sign(end)) start--;
  if (end - start < 2) return '';
  return ` และ${sign(end) > 0 ? 'เพิ่มขึ้น' : 'ลดลง'}ต่อเนื่องตั้งแต่ปีงบประมาณ พ.ศ. ${w.year(known[start].y)} เป็นต้นมา`;
}

interface Pair {
  code: string;
  before: Hundredths;
  now: Hundredths;
}

/** The tools with a score this year and in the year compared with. */
function toolPairs(c: YearComparison): { pairs: Pair[]; p: number | null } {
  const p = previousYearIndex(c);
  const pairs: Pair[] = [];
  if (p === null) return { pairs, p };
  for (const row of toolRows(c)) {
    const before = row.values[p];
    const now = row.values[last(c)];
    if (before !== null && now !== null) pairs.push({ code: row.code, before, now });
  }
  return { pairs, p };
}

/** Tools that rose to the pass mark, fell below it, stayed below or stayed at or above it. */
export function passMarkSentence(c: YearComparison, digits: DigitStyle): string {
  const { pairs, p } = toolPairs(c);
  if (p === null || pairs.length === 0) return '';
  const w = wordsFor(c, digits);
  const mark = c.passMark * 100;
  const from = (x: Pair) => `จาก ${w.score(x.before)} เป็น ${w.score(x.now)} คะแนน`;
  const detail = (xs: Pair[]) =>
    xs.length === 1 ? `(${from(xs[0])})` : `(${listThai(xs.map((x) => `${x.code} ${from(x)}`))})`;
  const names = (xs: Pair[]) => listThai(xs.map((x) => x.code));
  const rose = pairs.filter((x) => x.before < mark && x.now >= mark);
  const fell = pairs.filter((x) => x.before >= mark && x.now < mark);
  const below = pairs.filter((x) => x.before < mark && x.now < mark);
  const above = pairs.filter((x) => x.before >= mark && x.now >= mark);
  // The pass mark is named in the first group only.
  const groups: string[] = [];
  const criterion = () => (groups.length ? 'เกณฑ์' : `เกณฑ์ ${w.pass} คะแนน`);
  if (rose.length) groups.push(`${names(rose)} มีคะแนนเพิ่มขึ้นจนผ่าน${criterion()} ${detail(rose)}`);
  if (fell.length) groups.push(`${names(fell)} มีคะแนนลดลงต่ำกว่า${criterion()} ${detail(fell)}`);
  if (below.length)
    groups.push(`${names(below)} ยังมีคะแนนต่ำกว่า${criterion()}เช่นเดียวกับปีก่อน ${detail(below)}`);
  if (above.length) {
    const all = above.length === pairs.length && pairs.length > 1;
    const who = all ? `ทุกเครื่องมือ (${names(above)})` : names(above);
    groups.push(`${who} มีคะแนนผ่าน${criterion()}ทั้งสองปี`);
  }
  const joined = groups
    .map((g, i) => (i === 0 ? g : i === groups.length - 1 && i > 1 ? `และ ${g}` : `ส่วน ${g}`))
    .join(' ');
  return `เมื่อเทียบกับปีงบประมาณ พ.ศ. ${w.year(c.years[p])} ${joined}`;
}

/** The best and the weakest tool this year, and how each moved since the year compared with. */
export function toolTrendSentence(c: YearComparison, digits: DigitStyle): string {
  const w = wordsFor(c, digits);
  const now = toolRows(c)
    .map((r) => ({ code: r.code, v: r.values[last(c)] }))
    .filter((x): x is { code: string; v: Hundredths } => x.v !== null);
  if (now.length === 0) return '';
  const { pairs, p } = toolPairs(c);
  const head = `ในปีงบประมาณ พ.ศ. ${w.year(c.years[last(c)])}`;
  const top = Math.max(...now.map((x) => x.v));
  const bottom = Math.min(...now.map((x) => x.v));
  if (top === bottom) {
    const all = now.length > 1 ? `ทุกเครื่องมือ (${listThai(now.map((x) => x.code))})` : now[0].code;
    return `${head} ${all} ได้ ${w.score(top)} คะแนน${now.length > 1 ? 'เท่ากัน' : ''}`;
  }
  const since = p === null ? '' : `ปีงบประมาณ พ.ศ. ${w.year(c.years[p])}`;
  let named = false;
  /** " ซึ่งเพิ่มขึ้น ๘.๑๒ คะแนนจากปีงบประมาณ พ.ศ. ๒๕๖๗": the year is named the first time only. */
  const moved = (codes: string[]): string => {
    const moves = codes
      .map((code) => pairs.find((x) => x.code === code))
      .filter((x): x is Pair => x !== undefined)
      .map((x) => ({ code: x.code, diff: x.now - x.before }))
      .map((x) => ({
        code: x.code,
        words: x.diff === 0 ? 'ได้คะแนนเท่าเดิม' : changeWords(x.diff, digits),
      }));
    if (moves.length === 0) return '';
    const same = moves.length === 1 && moves[0].words === 'ได้คะแนนเท่าเดิม';
    const year = named ? '' : same ? `เมื่อเทียบกับ${since}` : `จาก${since}`;
    named = true;
    if (moves.length === 1) return ` ซึ่ง${moves[0].words}${year}`;
    return ` โดย ${listThai(moves.map((m) => `${m.code} ${m.words}`))}${year}`;
  };
  const group = (v: Hundredths) => {
    const codes = now.filter((t) => t.v === v).map((t) => t.code);
    const score = `${w.score(v)} คะแนน${codes.length > 1 ? 'เท่ากัน' : ''}`;
    return `${listThai(codes)} (${score})${moved(codes)}`;
  };
  return `${head} เครื่องมือที่ได้คะแนนสูงสุดคือ ${group(top)} ส่วนเครื่องมือที่ได้คะแนนต่ำสุดคือ ${group(bottom)}`;
}
