// Validation: every check of the workbook, for a full read or for one tab as staff edit it.
import { itaRulesFor } from '../ita/registry';
import { parseOrganisation } from '../thai/organisation';
import { normalizeText } from '../thai/normalize';
import { fromA1 } from '../workbook/a1';
import { cellText, type TabValues } from '../workbook/cells';
import { archiveTabName, LOG_TAB, MAX_TAB_ROWS, TABS, type TabKey } from '../workbook/contract';
import { readHistory } from '../workbook/history-reader';
import {
  readGeneral,
  readMeasures,
  readRecommendations,
  readScores,
  readSignatories,
  type ReadOptions,
} from '../workbook/reader';
import { findSheetName, locateTab, type LocatedTab } from '../workbook/tabs';
import { checkCells, type BlankRuns } from './cells';
import { contextFromGeneral, EMPTY_CONTEXT, type ValidationContext } from './context';
import { makeFinding, type Finding, type RuleId } from './finding';
import { checkGeneralText, checkTextColumns } from './fields';
import { checkGeneral } from './general';
import { checkHistory } from './history';
import { checkMeasures } from './measures';
import { checkRecommendations } from './recommendations';
import { checkScores } from './scores';
import { checkSignatories } from './signatories';
import { checkTabText, FREE_TEXT_LABELS } from './text';

export { deriveContext, EMPTY_CONTEXT, type ValidationContext } from './context';
export { RULES, type Finding, type RuleId, type Severity } from './finding';
export { MEMO_DATE_MONTHS_AFTER_FISCAL_YEAR } from './general';
export { ARITHMETIC_TOLERANCE } from './scores';

export interface ValidateOptions extends ReadOptions {
  /**
   * Check only this tab (its name in the spreadsheet or in the contract): for live checking
   * as staff edit. `tabs` then needs to hold only that tab.
   */
  readonly only?: string;
  /**
   * What rules of one tab need from the others (see deriveContext). Used when `tabs` has no
   * ข้อมูลทั่วไป tab; when it has one, the context is read from it.
   */
  readonly context?: ValidationContext;
  /**
   * Cells with content beyond the rows the reader reads (MAX_TAB_ROWS), found without reading
   * them: each is reported where it is.
   */
  readonly outside?: readonly { readonly sheet: string; readonly cell: string }[];
  /**
   * Merged ranges per sheet name (A1 ranges, as Range.getMergedRanges gives them): a finding
   * on a cell hidden inside a merge goes to the merge's first cell, the one staff see.
   */
  readonly merged?: Readonly<Record<string, readonly string[]>>;
  /**
   * Row 1 of the tabs outside the contract, by name (read only when a contract tab is missing):
   * a missing tab whose headers one of them has was most likely renamed, and the finding says so.
   */
  readonly otherHeaders?: Readonly<Record<string, readonly unknown[]>>;
}

/** Another rule's finding that says the same (or nothing useful) once this one is raised. */
const SUPERSEDES: Readonly<Partial<Record<RuleId, readonly RuleId[] | 'all'>>> = {
  'cell-error-value': 'all',
  // A value of the wrong kind or length makes any finding about its content beside the point.
  'text-field-wrong-type': 'all',
  'text-too-long': 'all',
  'addressee-unknown-post': ['text-foreign-organisation', 'text-other-kind-term'],
};

type TabCheck = (tabs: TabValues, context: ValidationContext, options: ReadOptions) => Finding[];

// ข้อมูลทั่วไป is read once, for the context and for its own checks.
function checkGeneralTab(read: ReturnType<typeof readGeneral>, context: ValidationContext) {
  if (!read.tab) return read.findings;
  const freeCells = new Set<string>();
  for (const key of FREE_TEXT_LABELS) {
    const cell = read.data[key].cell;
    if (cell !== null) freeCells.add(cell);
  }
  return [
    ...read.findings,
    ...checkCells(read.tab, false),
    ...checkGeneral(read.data),
    ...checkGeneralText(read.data),
    ...checkTabText(read.tab, organisationOf(context), freeCells),
  ];
}

const CHECKS: Readonly<Record<Exclude<TabKey, 'general'>, TabCheck>> = {
  signatories: (tabs, context, options) => {
    const read = readSignatories(tabs, options);
    if (!read.tab) return read.findings;
    return [
      ...read.findings,
      ...common(read.tab, context),
      ...checkSignatories(read.data, read.tab),
    ];
  },
  scores: (tabs, context, options) => {
    const read = readScores(tabs, options);
    if (!read.tab) return read.findings;
    return [
      ...read.findings,
      ...common(read.tab, context, blankScores(context)),
      ...checkScores(read.data, read.tab, itaRulesFor(context.fiscalYear)),
    ];
  },
  history: (tabs, context, options) => {
    const read = readHistory(tabs, options);
    if (!read.tab) return read.findings;
    return [...read.findings, ...common(read.tab, context), ...checkHistory(read, context)];
  },
  recommendations: (tabs, context, options) => {
    const read = readRecommendations(tabs, options);
    if (!read.tab) return read.findings;
    return [
      ...read.findings,
      ...common(read.tab, context),
      ...checkRecommendations(read.data, itaRulesFor(context.fiscalYear)),
    ];
  },
  measures: (tabs, context, options) => {
    const read = readMeasures(tabs, options);
    if (!read.tab) return read.findings;
    return [
      ...read.findings,
      ...common(read.tab, context),
      ...checkMeasures(read.data, context.fiscalYear),
    ];
  },
  // Written by the add-on: only its presence matters.
  log: (tabs) => locateTab(tabs, { ...LOG_TAB, columns: [] }).findings,
};

function organisationOf(context: ValidationContext) {
  return context.organisation ? parseOrganisation(context.organisation) : null;
}

function common(tab: LocatedTab, context: ValidationContext, runs?: BlankRuns): Finding[] {
  return [
    ...checkCells(tab, true, runs),
    ...checkTextColumns(tab),
    ...checkTabText(tab, organisationOf(context)),
  ];
}

/** The year's scores not yet typed (after เริ่มปีงบประมาณใหม่ or a new sheet): said once. */
function blankScores(context: ValidationContext): BlankRuns {
  const year = context.fiscalYear === null ? '' : ` ปีงบประมาณ ${context.fiscalYear}`;
  return {
    key: 'score',
    message: (range, count) =>
      `ยังไม่ได้กรอกคะแนน ITA${year} ${count > 1 ? `${count} รายการ ในเซลล์ ${range}` : `ในเซลล์ ${range}`} กรุณากรอกคะแนนตามผลการประเมินที่ได้รับ`,
  };
}

function tabKeyOf(tabs: TabValues, name: string): TabKey | null {
  const wanted = normalizeText(name);
  for (const spec of TABS) {
    if (spec.name === wanted) return spec.key;
    const sheet = findSheetName(tabs, spec);
    if (sheet !== null && sheet === name) return spec.key;
  }
  return null;
}

/**
 * Every finding about the workbook, sorted (tab in contract order, errors first, then row and
 * column), at most one per cell and rule. With `only`, the findings about that tab alone —
 * the same as a full validation's findings on that tab when the context matches.
 * Never throws on any cell value.
 */
export function validateWorkbook(tabs: TabValues, options: ValidateOptions = {}): Finding[] {
  const general = readGeneral(tabs, options);
  const context = general.tab
    ? contextFromGeneral(general.data)
    : (options.context ?? EMPTY_CONTEXT);
  let keys: TabKey[] = TABS.map((t) => t.key);
  if (options.only !== undefined) {
    const key = tabKeyOf(tabs, options.only);
    keys = key === null ? [] : [key];
  }
  const findings = keys.flatMap((key) =>
    key === 'general' ? checkGeneralTab(general, context) : CHECKS[key](tabs, context, options),
  );
  for (const { sheet, cell } of options.outside ?? []) {
    const key = tabKeyOf(tabs, sheet);
    if (key === null || keys.indexOf(key) < 0) continue;
    findings.push(
      makeFinding(
        'data-outside-table',
        sheet,
        cell,
        `เซลล์นี้มีข้อมูลแต่อยู่เลยแถวที่ ${MAX_TAB_ROWS.toLocaleString('en-US')} ซึ่งเป็นแถวสุดท้ายที่ระบบอ่าน ระบบจึงไม่นำไปใช้ กรุณาย้ายข้อมูลขึ้นไปต่อท้ายตาราง หรือลบออกหากไม่ใช้`,
      ),
    );
  }
  const named = findings.map((f) => renamedTab(f, options.otherHeaders ?? {}));
  return sortFindings(removeRepeats(toVisibleCells(named, options.merged ?? {})));
}

/**
 * A missing tab's finding, told which of staff's tabs has its headers in row 1 (every required
 * one; every one when none is required). The add-on's hidden copies (`มาตรการ ปี 2568`) do too,
 * but are never the working tab renamed.
 */
function renamedTab(f: Finding, others: Readonly<Record<string, readonly unknown[]>>): Finding {
  if (f.rule !== 'tab-missing') return f;
  const spec = TABS.find((t) => t.name === f.sheet);
  if (!spec) return f;
  const required = spec.columns.filter((c) => c.required);
  const wanted = (required.length ? required : spec.columns).map((c) => c.header);
  const renamed = Object.keys(others).find((name) => {
    const n = normalizeText(name);
    const year = / ปี (\d+)$/.exec(n)?.[1];
    if (year !== undefined && archiveTabName(spec.name, Number(year)) === n) return false;
    const headers = new Set(others[name].map((v) => cellText(v)));
    return wanted.length > 0 && wanted.every((h) => headers.has(h));
  });
  if (renamed === undefined) return f;
  return {
    ...f,
    message: `ไม่พบแท็บ “${spec.name}” แท็บ “${renamed}” มีหัวตารางของ “${spec.name}” อาจถูกเปลี่ยนชื่อ กรุณาเปลี่ยนชื่อกลับเป็น “${spec.name}”`,
  };
}

function toVisibleCells(
  findings: readonly Finding[],
  merged: Readonly<Record<string, readonly string[]>>,
): Finding[] {
  const ranges = new Map<
    string,
    { first: string; top: number; left: number; bottom: number; right: number }[]
  >();
  for (const [sheet, list] of Object.entries(merged)) {
    const parsed = [];
    for (const a1 of list) {
      const [from, to = from] = a1.split(':');
      const a = fromA1(from);
      const b = fromA1(to);
      if (!a || !b) continue;
      parsed.push({ first: from, top: a.row, left: a.column, bottom: b.row, right: b.column });
    }
    ranges.set(sheet, parsed);
  }
  return findings.map((f) => {
    const at = fromA1(f.cell);
    const inside = at
      ? ranges
          .get(f.sheet)
          ?.find(
            (m) =>
              at.row >= m.top && at.row <= m.bottom && at.column >= m.left && at.column <= m.right,
          )
      : undefined;
    return inside && inside.first !== f.cell ? { ...f, cell: inside.first } : f;
  });
}

/** True when a finding blocks memo generation. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

function removeRepeats(findings: readonly Finding[]): Finding[] {
  const rulesAt = new Map<string, Set<RuleId>>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}`;
    if (!rulesAt.has(key)) rulesAt.set(key, new Set());
    (rulesAt.get(key) as Set<RuleId>).add(f.rule);
  }
  const seen = new Set<string>();
  return findings.filter((f) => {
    const at = `${f.sheet}\u0000${f.cell}`;
    const key = `${at}\u0000${f.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    for (const other of rulesAt.get(at) as Set<RuleId>) {
      if (other === f.rule) continue;
      const superseded = SUPERSEDES[other];
      if (superseded === 'all' || (superseded && superseded.indexOf(f.rule) >= 0)) return false;
    }
    return true;
  });
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortFindings(findings: Finding[]): Finding[] {
  const tabIndex = (sheet: string) => {
    const i = TABS.findIndex((t) => t.name === normalizeText(sheet));
    return i < 0 ? TABS.length : i;
  };
  const position = (f: Finding) => fromA1(f.cell) ?? { row: 0, column: 0 };
  return findings
    .map((f, i) => ({ f, i, tab: tabIndex(f.sheet), pos: position(f) }))
    .sort(
      (a, b) =>
        a.tab - b.tab ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.pos.row - b.pos.row ||
        a.pos.column - b.pos.column ||
        a.i - b.i,
    )
    .map((x) => x.f);
}
