// docs/workbook.md, the user-facing workbook contract, written from the contract's data (and the
// assessment year's rules), so the document says exactly what the add-on reads and checks. A
// test compares the file with this text; scripts/make-workbook-guide.ts rewrites it.
import type { ItaRules } from '../ita/types';
import { scoreCodes } from '../ita/scores';
import { MAX_CELL_CHARACTERS } from './literal';
import {
  CONTRACT_VERSION,
  GENERAL_LABELS,
  GENERAL_TAB,
  HISTORY_TAB,
  LOG_ACTIONS,
  LOG_DONE,
  LOG_FAILED,
  LOG_TAB,
  MAX_TAB_COLUMNS,
  MAX_TAB_ROWS,
  MEASURES_TAB,
  NO,
  RECOMMENDATIONS_TAB,
  ROLES,
  SCORES_TAB,
  SIGNATORIES_TAB,
  TABS,
  YES,
  archiveTabName,
  defaultSubject,
  historyRows,
  type ColumnSpec,
  type GeneralLabel,
  type TextRule,
} from './contract';
import { columnLetters } from './a1';
import { MEMO_STATUS_GUIDE } from '../memo/review-status';

const n = (x: number) => x.toLocaleString('en-US');
const yes = (b: boolean) => (b ? 'yes' : 'no');

function textRule(rule: TextRule | undefined): string {
  if (!rule) return '';
  const also = rule.accepts?.length ? `; a ${rule.accepts.join(' or ')} is accepted too` : '';
  return `text, at most ${n(rule.maxLength)} characters${also}`;
}

const LABEL_TYPES: Record<GeneralLabel['type'], string> = {
  text: 'text',
  'fiscal-year': 'a Buddhist-Era year (a number, or text such as ปีงบประมาณ พ.ศ. 2568)',
  date: 'a date cell, or a Thai date as text (๓ ตุลาคม ๒๕๖๘, 3 ต.ค. 2568, 3/10/2568)',
  'yes-no': `${YES} / ${NO} (or a checkbox)`,
};

function labelValue(label: GeneralLabel): string {
  const parts = [label.type === 'text' ? textRule(label.text) : LABEL_TYPES[label.type]];
  if (label.link === 'document') parts.push('a Google Docs link or ID');
  if (label.link === 'folder') parts.push('a Google Drive folder link or ID');
  if (label.link === 'file') parts.push('a Google Drive file link or ID');
  if (label.type === 'yes-no') parts.push(`blank: ${label.default ? YES : NO}`);
  return parts.join('; ');
}

function columnsTable(columns: readonly ColumnSpec[], meaning: Record<string, string>): string[] {
  return [
    '| header | required | holds |',
    '| --- | --- | --- |',
    ...columns.map(
      (c) =>
        `| \`${c.header}\` | ${yes(c.required)} | ${[meaning[c.key], textRule(c.text)].filter(Boolean).join('; ')} |`,
    ),
  ];
}

const q = (r: { prefix: string; from: number; to: number }) =>
  `${r.prefix}${r.from}–${r.prefix}${r.to}`;

export function workbookGuide(rules: ItaRules): string {
  const lines: string[] = [
    `# The workbook contract (version ${CONTRACT_VERSION})`,
    '',
    '<!-- Written by scripts/make-workbook-guide.ts from src/core/workbook/contract.ts; a test keeps',
    '     it in step. Edit the contract (or the generator), then run the script. -->',
    '',
    'This is the shape of the spreadsheet staff edit, and it is a promise: the Google Sheet, an',
    '`.xlsx` exported from it and the example workbooks follow it, the add-on’s ตั้งค่าแผ่นงาน',
    'creates exactly this, and the add-on reads and checks exactly this.',
    '',
    `- The tabs are ${TABS.map((t) => `\`${t.name}\``).join(', ')}. Tab names and header texts are`,
    '  matched ignoring surrounding white space and invisible characters.',
    '- Columns are found by their header in row 1, never by position: staff may reorder the',
    '  columns and add their own. Rows with nothing in the contract’s columns are skipped.',
    `- The add-on reads rows 1–${n(MAX_TAB_ROWS)} and columns A–${columnLetters(MAX_TAB_COLUMNS)} of each tab: the headers must`,
    `  lie within these columns, and content below row ${n(MAX_TAB_ROWS)} is reported as an error (never`,
    '  read). A finding about a cell hidden inside a merge is reported at the merge’s first cell.',
    '- Numbers may be typed with Arabic or Thai digits (`93.53`, `๙๓.๕๓`), as numbers or as text.',
    '- A text cell that holds a number, a date or a checkbox’s TRUE/FALSE is an error (a name',
    '  the sheet turned into a date would print as one), except where the table says it is',
    '  accepted. Text longer than the maximum given is an error too.',
    `- Google Sheets holds at most ${n(MAX_CELL_CHARACTERS)} characters in a cell and 10,000,000 cells in a`,
    '  spreadsheet; the local runtime refuses an `.xlsx` that Google would, saying why in Thai.',
    '',
    `## Tab \`${GENERAL_TAB.name}\` (general)`,
    '',
    `Two columns, \`${GENERAL_TAB.columns[0].header}\` (the label) and \`${GENERAL_TAB.columns[1].header}\` (its value). One row per`,
    'label, in any order; a label the contract does not know, or a label given twice, is reported.',
    '',
    '| รายการ | required | ข้อมูล | what it is |',
    '| --- | --- | --- | --- |',
    ...GENERAL_LABELS.map(
      (l) => `| ${l.label} | ${yes(l.required)} | ${labelValue(l)} | ${l.hint} |`,
    ),
    '',
    `A blank เรื่อง prints “${defaultSubject(rules.year)}” (with the fiscal year).`,
    '',
    `## Tab \`${SIGNATORIES_TAB.name}\` (signatories and the approval chain)`,
    '',
    ...columnsTable(SIGNATORIES_TAB.columns, {
      order: 'the order of signing: a whole number',
      role: ROLES.map((r) => r.label).join(', '),
      rank: 'printed on the line above the name (e.g. ว่าที่ร้อยตรี)',
      name: 'printed in parentheses, with the title (นาย/นาง/นางสาว)',
      position: 'the post',
      actingFor: 'the post acted for: the comment block is titled after it',
      email: 'who gets comment access to the generated Doc',
    }),
    '',
    ...ROLES.map(
      (r) =>
        `- \`${r.label}\`: ${r.max === null ? `${r.min} or more` : r.min === r.max ? `exactly ${r.min}` : `${r.min} to ${r.max}`}.`,
    ),
    '',
    `## Tab \`${SCORES_TAB.name}\` (ITA scores)`,
    '',
    ...columnsTable(SCORES_TAB.columns, {
      code: 'the score code',
      name: 'its name (the memo prints the year’s canonical name whatever this says)',
      score: 'the published score: 0–100, at most two decimals',
    }),
    '',
    `The codes of ITA ${rules.year}, each exactly once (ตั้งค่าแผ่นงาน writes them with their names):`,
    '',
    '| รหัส | รายการ |',
    '| --- | --- |',
    ...scoreCodes(rules).map((c) => `| ${c.code} | ${c.name} |`),
    '',
    `## Tab \`${HISTORY_TAB.name}\` (earlier years’ scores, optional)`,
    '',
    'A workbook without this tab raises no finding and its report has no comparison with earlier',
    'years.',
    '',
    ...columnsTable(HISTORY_TAB.columns, {
      code: `a code of \`${SCORES_TAB.name}\`, each at most once; any subset may be filled`,
      name: 'its name, for staff (the report prints the canonical names)',
    }),
    '',
    '- Then one column per earlier fiscal year, its header the Buddhist-Era year: `2567`, `๒๕๖๗`,',
    '  a number, `ปี 2567` or `ปีงบประมาณ พ.ศ. ๒๕๖๗`. Each year at most once and earlier than',
    '  ปีงบประมาณ; each score 0–100 with at most two decimals. A header without a digit is staff’s',
    '  own column and is never read.',
    `- Years whose rules the add-on knows (${rules.year}) get the same arithmetic checks as`,
    `  \`${SCORES_TAB.name}\`; other years get range checks only, said once for the tab.`,
    `- ตั้งค่าแผ่นงาน creates the tab with the rows ${historyRows(rules.year)
      .map((c) => c.code)
      .join(', ')} and an empty column for the year before ปีงบประมาณ.`,
    `- เริ่มปีงบประมาณใหม่ writes this year’s scores into a new year column here and keeps the`,
    `  cleared tabs whole in hidden tabs named like \`${archiveTabName(SCORES_TAB.name, rules.year)}\`.`,
    '',
    `## Tab \`${RECOMMENDATIONS_TAB.name}\` (assessors’ recommendations)`,
    '',
    ...columnsTable(RECOMMENDATIONS_TAB.columns, {
      part: rules.units.map((u) => u.id).join(', '),
      indicator: `1–${rules.indicators.length}, belonging to the part`,
      code: 'the question or item code in Latin letters, or blank for a general remark',
      text: 'the recommendation',
    }),
    '',
    ...rules.units.map((u) => {
      const split = u.indicators
        .map((i) => rules.indicators.find((x) => x.number === i))
        .filter((x) => x?.questions)
        .map((x) => `${x!.number}: ${q(x!.questions!)}`);
      const by = split.length ? ` (by indicator: ${split.join(', ')})` : '';
      return `- ${u.id}: indicators ${u.indicators.join(', ')}; codes ${q(u.questions)}${by}.`;
    }),
    '',
    'One row per recommendation, in the order they are printed.',
    '',
    `## Tab \`${MEASURES_TAB.name}\` (measures and their results)`,
    '',
    ...columnsTable(MEASURES_TAB.columns, {
      period: 'Thai month-year text, e.g. ตุลาคม ๒๕๖๗ ถึง กันยายน ๒๕๖๘ or มกราคม-พฤษภาคม ๒๕๖๘',
    }),
    '',
    'One row per measure. A cell may hold several lines; a line starting with `-` or `•` is a',
    'bullet.',
    '',
    `## Tab \`${LOG_TAB.name}\` (run log, written by the add-on)`,
    '',
    `Columns: ${LOG_TAB.columns.map((c) => `\`${c.header}\``).join(', ')}.`,
    '',
    `One row per step, in the order they happened: ${Object.values(LOG_ACTIONS)
      .map((a) => `\`${a}\``)
      .join(', ')} (and the fiscal-year steps). \`สถานะ\` says whether the step succeeded`,
    `(\`${LOG_DONE}\` or \`${LOG_FAILED}\`, with the reason in \`หมายเหตุ\`).`,
    '',
    `The row of a successful \`${LOG_ACTIONS.generate}\` is also that memo’s own row: its`,
    '`สถานะบันทึกข้อความ`, `ความเห็นค้าง` and `ความเห็นแก้แล้ว` follow the memo as it moves, so',
    'each memo has exactly one row showing where it stands, and every later step on it is a row of its',
    'own. `รหัสเอกสาร` holds the memo Doc’s Drive ID on every row about that memo, as plain text, so',
    'the add-on finds the memo even where `เอกสาร` shows a link to a local file (the command line',
    'offline). The memo’s status is one of:',
    '',
    ...MEMO_STATUS_GUIDE.map(([status, meaning]) => `- \`${status}\`: ${meaning}`),
    '',
    'Staff never need to type here. The add-on appends after the last used row and adds a missing',
    'header after the last used column, so it never writes over anything staff put there; the only',
    'cells it changes later are the three status cells of its own memo rows. Text it writes that',
    'begins with `=`, `+`, `-` or `@` stays text, and no cell it writes exceeds 50,000 characters.',
    '',
    '## Changes',
    '',
    '- Version 2 added the optional tab ผลย้อนหลัง. A later version of this contract keeps reading',
    '  workbooks of earlier versions.',
    '- The review loop added, within version 2, the optional labels กำหนดส่งความเห็น, เผยแพร่เฉพาะรายงาน',
    '  and ลิงก์เผยแพร่ and the log columns สถานะบันทึกข้อความ and รหัสเอกสาร. A workbook without them works',
    '  as before: the add-on adds the log’s headers, and writes ลิงก์เผยแพร่ as a new row of ข้อมูลทั่วไป',
    '  (after its last) on the first publication.',
    '',
  ];
  return lines.join('\n');
}
