// The workbook reader: cell values in (as getValues() returns them), typed data out, with the
// sheet and cell of every value and the structural problems (missing tabs, headers, labels).
import { toHundredths, type Hundredths } from '../ita/decimal';
import { normalizeQuestionCode } from '../ita/question-codes';
import type { ScoreValues } from '../ita/scores';
import { BANGKOK_UTC_OFFSET_MINUTES, type Period } from '../thai/calendar';
import { formatPeriod, formatThaiDate } from '../thai/date-format';
import { parseDateValue, parsePeriod } from '../thai/date-parse';
import { toArabicDigits } from '../thai/digits';
import { parseNumber } from '../thai/numbers';
import { closestMatch } from '../thai/similarity';
import { listThai } from '../validation/describe';
import { makeFinding, type Finding } from '../validation/finding';
import { toA1 } from './a1';
import { cellText, isBlank, toTextBlock, type Cell, type TabValues, type TextBlock } from './cells';
import {
  GENERAL_LABELS,
  GENERAL_TAB,
  LOG_TAB,
  MEASURES_TAB,
  NO,
  RECOMMENDATIONS_TAB,
  ROLES,
  SCORES_TAB,
  SIGNATORIES_TAB,
  YES,
  type ColumnKey,
  type GeneralKey,
  type GeneralLabel,
  type Role,
  type TabKey,
} from './contract';
import { readHistory } from './history-reader';
import { cellAt, dataRows, locateTab, valueAt, type DataRow, type LocatedTab } from './tabs';
import type {
  GeneralInfo,
  Measure,
  Recommendation,
  ScoreEntry,
  Signatory,
  WorkbookData,
} from './types';

export interface ReadOptions {
  /** The spreadsheet's time zone as minutes east of UTC (default +420, Asia/Bangkok). */
  readonly utcOffsetMinutes?: number;
}

/** One tab's typed data, the located tab (null when missing) and its structural findings. */
export interface TabRead<T, K extends string = string> {
  readonly data: T;
  readonly tab: LocatedTab<K> | null;
  readonly findings: Finding[];
}

export interface WorkbookRead {
  readonly data: WorkbookData;
  readonly tabs: Partial<Record<TabKey, LocatedTab>>;
  readonly findings: Finding[];
}

const offsetOf = (options: ReadOptions) => options.utcOffsetMinutes ?? BANGKOK_UTC_OFFSET_MINUTES;

function located<T>(
  tab: LocatedTab | null,
  sheetFallback: string,
  row: number | null,
  key: string,
  raw: unknown,
  value: T,
  problem?: Cell<T>['problem'],
): Cell<T> {
  const cell = tab && row !== null ? cellAt(tab, row, key) : null;
  const base = { value, raw, sheet: tab ? tab.sheet : sheetFallback, cell };
  return problem ? { ...base, problem } : base;
}

export type Parsed<T> = { value: T; problem?: Cell<T>['problem'] };

const text = (raw: unknown, offset: number): Parsed<string | null> => ({
  value: cellText(raw, offset),
});

const block = (raw: unknown, offset: number): Parsed<TextBlock | null> => {
  const t = cellText(raw, offset);
  return { value: t === null ? null : toTextBlock(t) };
};

/** A number; `strip` removes words staff put before it (ปีงบประมาณ พ.ศ. 2568). */
export function number(raw: unknown, strip?: RegExp): Parsed<number | null> {
  if (isBlank(raw)) return { value: null };
  const input = typeof raw === 'string' && strip ? toArabicDigits(raw).replace(strip, '') : raw;
  const parsed = parseNumber(input);
  return parsed.ok
    ? { value: parsed.value }
    : { value: null, problem: { reason: parsed.reason, suggestion: parsed.suggestion } };
}

export function wholeNumber(raw: unknown, strip?: RegExp): Parsed<number | null> {
  const parsed = number(raw, strip);
  return parsed.value !== null && !Number.isInteger(parsed.value)
    ? { value: null, problem: { reason: 'not-whole' } }
    : parsed;
}

function yesNo(raw: unknown, fallback: boolean): Parsed<boolean> {
  if (typeof raw === 'boolean') return { value: raw };
  if (isBlank(raw)) return { value: fallback };
  const t = (cellText(raw) ?? '').toLowerCase();
  if (t === YES || t === 'true') return { value: true };
  if (t === NO || t === 'ไม่ใช่' || t === 'false') return { value: false };
  return { value: fallback, problem: { reason: 'not-yes-no' } };
}

function date(raw: unknown, offset: number): Parsed<GeneralInfo['memoDate']['value']> {
  if (isBlank(raw)) return { value: null };
  const parsed = parseDateValue(raw, offset);
  if (parsed.ok) return { value: parsed.value };
  const suggestion = parsed.suggestion ? formatThaiDate(parsed.suggestion) : undefined;
  return { value: null, problem: { reason: parsed.reason, suggestion } };
}

function parseGeneralValue(label: GeneralLabel, raw: unknown, offset: number): Parsed<unknown> {
  switch (label.type) {
    case 'fiscal-year':
      return wholeNumber(raw, /^\s*(?:ปีงบประมาณ)?\s*(?:พ\.\s?ศ\.?)?\s*/);
    case 'date':
      return date(raw, offset);
    case 'yes-no':
      return yesNo(raw, label.default ?? false);
    default:
      return text(raw, offset);
  }
}

/** The ข้อมูลทั่วไป tab. */
export function readGeneral(
  tabs: TabValues,
  options: ReadOptions = {},
): TabRead<GeneralInfo, ColumnKey<typeof GENERAL_TAB>> {
  const offset = offsetOf(options);
  const { tab, findings } = locateTab(tabs, GENERAL_TAB);
  const rowOf: Partial<Record<GeneralKey, DataRow>> = {};
  if (tab && tab.columns.label !== undefined) {
    const labels = GENERAL_LABELS.map((l) => l.label);
    const labelHeader = GENERAL_TAB.columns[0].header;
    for (const row of dataRows(tab)) {
      const labelText = cellText(valueAt(tab, row, 'label'), offset);
      const at = cellAt(tab, row.row, 'label') as string;
      const label = GENERAL_LABELS.find((l) => l.label === labelText);
      if (!label) {
        const guess = labelText === null ? null : closestMatch(labelText, labels);
        findings.push(
          makeFinding(
            'general-label-unknown',
            tab.sheet,
            at,
            labelText === null
              ? `แถวนี้มีข้อมูลแต่ไม่ได้ระบุรายการ ระบบจึงไม่นำไปใช้ กรุณาใส่ชื่อรายการในคอลัมน์ “${labelHeader}” หรือลบแถวนี้`
              : `ระบบไม่รู้จักรายการ “${labelText}” จึงไม่นำแถวนี้ไปใช้${guess ? ` หากหมายถึง “${guess}” กรุณาแก้ชื่อรายการให้ตรง` : ' กรุณาตรวจชื่อรายการ หรือลบแถวนี้หากไม่ใช้'}`,
          ),
        );
      } else if (rowOf[label.key]) {
        const first = cellAt(tab, (rowOf[label.key] as DataRow).row, 'label');
        findings.push(
          makeFinding(
            'general-label-duplicate',
            tab.sheet,
            at,
            `รายการ “${label.label}” ซ้ำกับเซลล์ ${first} ระบบใช้ข้อมูลของแถวแรกเท่านั้น กรุณาลบแถวที่ซ้ำ`,
          ),
        );
      } else {
        rowOf[label.key] = row;
      }
    }
    const missing = GENERAL_LABELS.filter((l) => l.required && !rowOf[l.key]).map(
      (l) => `“${l.label}”`,
    );
    if (missing.length > 0) {
      findings.push(
        makeFinding(
          'general-label-missing',
          tab.sheet,
          toA1(1, tab.columns.label as number),
          `ยังไม่มีรายการ ${listThai(missing)} กรุณาเพิ่มแถวละรายการในคอลัมน์ “${labelHeader}” แล้วกรอกข้อมูล`,
        ),
      );
    }
  }
  const fields = {} as Record<GeneralKey, Cell<unknown>>;
  for (const label of GENERAL_LABELS) {
    const row = rowOf[label.key];
    const raw = row && tab ? valueAt(tab, row, 'value') : undefined;
    const parsed = parseGeneralValue(label, raw, offset);
    fields[label.key] = located(
      tab,
      GENERAL_TAB.name,
      row ? row.row : null,
      'value',
      raw,
      parsed.value,
      parsed.problem,
    );
  }
  return { data: fields as unknown as GeneralInfo, tab, findings };
}

export function rowReader<K extends string>(tab: LocatedTab<K>, row: DataRow) {
  return <T>(key: K, parse: (raw: unknown) => Parsed<T>): Cell<T> => {
    const raw = valueAt(tab, row, key);
    const parsed = parse(raw);
    return located(tab, tab.sheet, row.row, key, raw, parsed.value, parsed.problem);
  };
}

function role(raw: unknown): Parsed<Role | null> {
  const t = cellText(raw);
  if (t === null) return { value: null };
  const spec = ROLES.find((r) => r.label === t);
  return spec ? { value: spec.key } : { value: null, problem: { reason: 'unknown-role' } };
}

/** The ผู้ลงนาม tab, sorted by ลำดับ. */
export function readSignatories(
  tabs: TabValues,
  options: ReadOptions = {},
): TabRead<Signatory[], ColumnKey<typeof SIGNATORIES_TAB>> {
  const offset = offsetOf(options);
  const { tab, findings } = locateTab(tabs, SIGNATORIES_TAB);
  if (!tab) return { data: [], tab, findings };
  const signatories = dataRows(tab).map((row): Signatory => {
    const read = rowReader(tab, row);
    const t = (raw: unknown) => text(raw, offset);
    return {
      row: row.row,
      order: read('order', (raw) => wholeNumber(raw)),
      role: read('role', role),
      rank: read('rank', t),
      name: read('name', t),
      position: read('position', t),
      actingFor: read('actingFor', t),
      email: read('email', t),
    };
  });
  const key = (s: Signatory) => (s.order.value === null ? Infinity : s.order.value);
  const sorted = signatories
    .map((s, i) => ({ s, i }))
    .sort((a, b) => key(a.s) - key(b.s) || a.i - b.i)
    .map((x) => x.s);
  return { data: sorted, tab, findings };
}

export const compactCode = (raw: unknown, offset: number): Parsed<string | null> => {
  const t = cellText(raw, offset);
  return { value: t === null ? null : toArabicDigits(t).replace(/\s/g, '').toUpperCase() || null };
};

/** The คะแนน tab, in sheet order. */
export function readScores(
  tabs: TabValues,
  options: ReadOptions = {},
): TabRead<ScoreEntry[], ColumnKey<typeof SCORES_TAB>> {
  const offset = offsetOf(options);
  const { tab, findings } = locateTab(tabs, SCORES_TAB);
  if (!tab) return { data: [], tab, findings };
  const scores = dataRows(tab).map((row): ScoreEntry => {
    const read = rowReader(tab, row);
    return {
      row: row.row,
      code: read('code', (raw) => compactCode(raw, offset)),
      name: read('name', (raw) => text(raw, offset)),
      score: read('score', (raw) => number(raw)),
    };
  });
  return { data: scores, tab, findings };
}

/** The ข้อเสนอแนะ tab, in sheet order. */
export function readRecommendations(
  tabs: TabValues,
  options: ReadOptions = {},
): TabRead<Recommendation[], ColumnKey<typeof RECOMMENDATIONS_TAB>> {
  const offset = offsetOf(options);
  const { tab, findings } = locateTab(tabs, RECOMMENDATIONS_TAB);
  if (!tab) return { data: [], tab, findings };
  const recommendations = dataRows(tab).map((row): Recommendation => {
    const read = rowReader(tab, row);
    return {
      row: row.row,
      part: read('part', (raw) => compactCode(raw, offset)),
      indicator: read('indicator', (raw) => wholeNumber(raw, /^\s*ตัวชี้วัด(?:ที่)?\s*/)),
      code: read('code', (raw) => {
        const t = cellText(raw, offset);
        return { value: t === null ? null : normalizeQuestionCode(t) || null };
      }),
      text: read('text', (raw) => text(raw, offset)),
    };
  });
  return { data: recommendations, tab, findings };
}

function period(raw: unknown, offset: number): Parsed<TextBlock | null> & { range: Period | null } {
  const value = block(raw, offset).value;
  if (value === null) return { value, range: null };
  const parsed = parsePeriod(value.text);
  if (parsed.ok) return { value, range: parsed.value };
  const suggestion = parsed.suggestion ? formatPeriod(parsed.suggestion) : undefined;
  return { value, range: null, problem: { reason: parsed.reason, suggestion } };
}

/** The มาตรการ tab, in sheet order. */
export function readMeasures(
  tabs: TabValues,
  options: ReadOptions = {},
): TabRead<Measure[], ColumnKey<typeof MEASURES_TAB>> {
  const offset = offsetOf(options);
  const { tab, findings } = locateTab(tabs, MEASURES_TAB);
  if (!tab) return { data: [], tab, findings };
  const measures = dataRows(tab).map((row): Measure => {
    const read = rowReader(tab, row);
    const b = (raw: unknown) => block(raw, offset);
    const { range, ...periodText } = period(valueAt(tab, row, 'period'), offset);
    return {
      row: row.row,
      activity: read('activity', b),
      method: read('method', b),
      responsible: read('responsible', b),
      period: read('period', () => periodText),
      periodRange: range,
      summary: read('summary', b),
      result: read('result', b),
    };
  });
  return { data: measures, tab, findings };
}

/** Every tab of the contract (the run log is only located). */
export function readWorkbook(tabs: TabValues, options: ReadOptions = {}): WorkbookRead {
  const general = readGeneral(tabs, options);
  const signatories = readSignatories(tabs, options);
  const scores = readScores(tabs, options);
  const history = readHistory(tabs, options);
  const recommendations = readRecommendations(tabs, options);
  const measures = readMeasures(tabs, options);
  // The add-on writes the run log itself: only whether the tab exists matters here.
  const log = locateTab(tabs, { ...LOG_TAB, columns: [] });
  const parts = { general, signatories, scores, history, recommendations, measures };
  const located: Partial<Record<TabKey, LocatedTab>> = {};
  for (const [key, part] of Object.entries(parts)) {
    if (part.tab) located[key as TabKey] = part.tab as LocatedTab;
  }
  return {
    data: {
      general: general.data,
      signatories: signatories.data,
      scores: scores.data,
      history: history.data,
      recommendations: recommendations.data,
      measures: measures.data,
    },
    tabs: located,
    findings: [...Object.values(parts).flatMap((p) => p.findings), ...log.findings],
  };
}

/**
 * The scores as exact hundredths by code, for ita.assessScores: the first row of each code,
 * and only scores that are numbers with at most two decimals.
 */
export function scoreValues(scores: readonly ScoreEntry[]): ScoreValues {
  const values: Record<string, Hundredths> = {};
  for (const entry of scores) {
    const code = entry.code.value;
    const score = entry.score.value;
    if (code === null || score === null || Object.prototype.hasOwnProperty.call(values, code)) {
      continue;
    }
    const h = toHundredths(score);
    if (h !== null) values[code] = h;
  }
  return values;
}
