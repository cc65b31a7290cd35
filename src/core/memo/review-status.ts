/**
 * Where each memo stands in the review loop, read from the run log (ประวัติ) alone, so every path
 * (Google, the command line, another person's copy of the add-on) agrees:
 *
 *   ร่าง → ส่งขอความเห็นแล้ว → มีความเห็นค้าง N → แก้ครบแล้ว → อนุมัติแล้ว → เผยแพร่แล้ว
 *
 * A memo is the row of its successful generation; the steps after it are rows of their own tied
 * to it by the Doc's Drive ID (รหัสเอกสาร, or for rows written before that column existed, the ID
 * in the เอกสาร link). Refilling the Doc (สร้างใหม่ในเอกสารเดิม) changes what was approved, so an
 * approval counts only when it comes after the last refill, and a publication only after that
 * approval.
 */
import { toArabicDigits } from '../thai/digits';
import { normalizeText } from '../thai/normalize';
import { cellText } from '../workbook/cells';
import { LOG_ACTIONS, LOG_DONE, YEAR_LOG_ACTIONS } from '../workbook/contract';
import { parseDriveId } from '../workbook/drive-id';

/** One row of ประวัติ, as the log reader hands it over. */
export interface LogRow {
  /** 1-based sheet row. */
  row: number;
  /** The เวลา cell as read (a Date in Google Sheets). */
  time: unknown;
  user: string;
  action: string;
  /** The เอกสาร cell as text (a Drive link, or a local file's name offline). */
  document: string;
  pdf: string;
  status: string;
  open: number | null;
  resolved: number | null;
  note: string;
  memoStatus: string;
  docId: string;
}

export interface Step {
  row: number;
  time: unknown;
  user: string;
  note: string;
  /** The step's PDF cell (the published PDF's link, for a publication). */
  pdf: string;
}

export interface MemoRecord {
  docId: string;
  /** The memo's own row (its generation). */
  row: number;
  /** Who generated it. */
  user: string;
  /** The เอกสาร and PDF cells of its row. */
  document: string;
  pdf: string;
  sent: boolean;
  /** The approval that counts (after the last refill), if any. */
  approved: Step | null;
  /** The publication of that approval, if any. */
  published: Step | null;
  /** The last refill in the same Doc, if any. */
  refilled: Step | null;
  open: number;
  resolved: number;
  /** What its สถานะบันทึกข้อความ cell holds now. */
  shownStatus: string;
}

export const MEMO_STATUS = {
  draft: 'ร่าง',
  sent: 'ส่งขอความเห็นแล้ว',
  open: 'มีความเห็นค้าง',
  resolved: 'แก้ครบแล้ว',
  approved: 'อนุมัติแล้ว',
  published: 'เผยแพร่แล้ว',
} as const;

/** The statuses for docs/workbook.md, in the order a memo moves through them. */
export const MEMO_STATUS_GUIDE: readonly [string, string][] = [
  [
    MEMO_STATUS.draft,
    'generated, not yet sent for review (nobody but the sheet’s editors can open it)',
  ],
  [MEMO_STATUS.sent, 'sent for review: reviewers and the approver may comment; no comment yet'],
  [`${MEMO_STATUS.open} N`, 'N comments are open'],
  [MEMO_STATUS.resolved, 'every comment is resolved'],
  [MEMO_STATUS.approved, 'the approver recorded approval (after the last refill of the Doc)'],
  [MEMO_STATUS.published, 'that approved memo is published as the PDF at ลิงก์เผยแพร่'],
];

/** The Thai status of a memo. */
export function memoStatus(m: MemoRecord): string {
  if (m.published) return MEMO_STATUS.published;
  if (m.approved) return MEMO_STATUS.approved;
  if (m.open > 0) return `${MEMO_STATUS.open} ${m.open}`;
  if (m.resolved > 0) return MEMO_STATUS.resolved;
  return m.sent ? MEMO_STATUS.sent : MEMO_STATUS.draft;
}

/** The Drive ID a row is about. */
export function rowDocId(r: LogRow): string | null {
  return parseDriveId(r.docId) ?? parseDriveId(r.document);
}

/** Every memo the log records, in the order they were generated. */
export function readMemos(rows: readonly LogRow[]): MemoRecord[] {
  const memos = new Map<string, MemoRecord>();
  for (const r of rows) {
    if (r.status !== LOG_DONE) continue;
    const id = rowDocId(r);
    if (!id) continue;
    const step: Step = { row: r.row, time: r.time, user: r.user, note: r.note, pdf: r.pdf };
    const m = memos.get(id);
    if (r.action === LOG_ACTIONS.generate) {
      if (m) continue;
      memos.set(id, {
        docId: id,
        row: r.row,
        user: r.user,
        document: r.document,
        pdf: r.pdf,
        sent: false,
        approved: null,
        published: null,
        refilled: null,
        open: r.open ?? 0,
        resolved: r.resolved ?? 0,
        shownStatus: r.memoStatus,
      });
    } else if (!m) {
      continue;
    } else if (r.action === LOG_ACTIONS.regenerate) {
      m.refilled = step;
      m.approved = null;
      m.published = null;
    } else if (r.action === LOG_ACTIONS.send) {
      m.sent = true;
    } else if (r.action === LOG_ACTIONS.approve) {
      m.approved = step;
      m.published = null;
    } else if (r.action === LOG_ACTIONS.publish && m.approved) {
      m.published = step;
    }
  }
  return [...memos.values()];
}

/**
 * The last attempt to make or refill a memo when it failed: the steps after it must not act on an
 * older memo without saying so.
 */
export function failedLastAttempt(rows: readonly LogRow[]): LogRow | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    if (r.action !== LOG_ACTIONS.generate && r.action !== LOG_ACTIONS.regenerate) continue;
    return r.status === LOG_DONE ? null : r;
  }
  return null;
}

/**
 * The memo the review steps act on: the one generated last, in this fiscal year (after the last
 * start of a new year that was not undone: last year's memo, approved and published, is not this
 * year's).
 */
export function currentMemo(rows: readonly LogRow[]): MemoRecord | null {
  const memos = readMemos(rows);
  const last = memos.length ? memos[memos.length - 1] : null;
  return last && last.row > yearStartRow(rows) ? last : null;
}

/** The ประวัติ row of the start of the current fiscal year (0: none recorded). */
export function yearStartRow(rows: readonly LogRow[]): number {
  const starts: number[] = [];
  for (const r of rows) {
    if (r.status !== LOG_DONE) continue;
    if (r.action === YEAR_LOG_ACTIONS.start) starts.push(r.row);
    else if (r.action === YEAR_LOG_ACTIONS.restore) starts.pop();
  }
  return starts.length ? starts[starts.length - 1] : 0;
}

// ---- Pointing a comment at the cell it is about -------------------------------------------

export interface SheetCell {
  sheet: string;
  /** A1. */
  cell: string;
  value: unknown;
}

const MIN_MATCH = 4;

/** Text compared without spacing differences, in Arabic digits. */
function comparable(text: string): string {
  return toArabicDigits(normalizeText(text)).replace(/\s+/g, ' ').trim();
}

/** How a cell's value can appear in the memo: as typed, and a number also with two decimals. */
function appearances(value: unknown): string[] {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const plain = cellText(value) ?? '';
    return [...new Set([plain, value.toFixed(2)])];
  }
  const t = typeof value === 'string' ? cellText(value) : null;
  return t ? [comparable(t)] : [];
}

/**
 * The cell whose value a comment's quoted text is about, or null: the cell that holds exactly the
 * quote; else a cell whose text contains the quote (a comment on a phrase of a measure); else the
 * value the quote contains, numbers first (a comment on "การแก้ไขปัญหาการทุจริต ๘๑.๖๗ คะแนน" is
 * about the score 81.67, not the indicator's name), then the longest. Values and quotes under 4
 * characters ("1", "ITA", "ใช่") point nowhere: too many cells would hold them.
 */
export function cellForQuote(quote: string, cells: readonly SheetCell[]): SheetCell | null {
  const q = comparable(quote);
  if (q.length < MIN_MATCH) return null;
  const candidates = cells.flatMap((c) =>
    appearances(c.value)
      .filter((text) => text.length >= MIN_MATCH)
      .map((text) => ({ c, text })),
  );
  const exact = candidates.find((x) => x.text === q);
  if (exact) return exact.c;
  const holding = candidates.find((x) => x.text.includes(q));
  if (holding) return holding.c;
  const rank = (x: { c: SheetCell; text: string }) =>
    (typeof x.c.value === 'number' ? 1e6 : 0) + x.text.length;
  let inQuote: { c: SheetCell; text: string } | null = null;
  for (const x of candidates)
    if (q.includes(x.text) && (!inQuote || rank(x) > rank(inQuote))) inQuote = x;
  return inQuote?.c ?? null;
}
