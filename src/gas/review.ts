/**
 * The review loop after a memo is generated: sending it for review ("ส่งขอความเห็น"), reading the
 * reviewers' comments back (the sidebar, "อัปเดตสถานะความเห็น"), and the approver's approval
 * ("อนุมัติ"). Every step acts on the current memo (the one generated last, core/memo/review-status),
 * under the document lock, and records itself in ประวัติ as a row of its own; the memo's own row
 * shows where the memo stands.
 */
import { APPROVAL_DATE_BLANK } from '../core/memo/fields';
import {
  cellForQuote,
  currentMemo,
  memoStatus,
  readMemos,
  type LogRow,
  type MemoRecord,
  type SheetCell,
} from '../core/memo/review-status';
import type { CalendarDate } from '../core/thai/calendar';
import { formatThaiDate } from '../core/thai/date-format';
import { dateProblem } from '../core/validation/general';
import { toA1 } from '../core/workbook/a1';
import { GENERAL_TAB, LOG_ACTIONS, LOG_DONE, LOG_FAILED, LOG_TAB } from '../core/workbook/contract';
import type { Signatory, WorkbookData } from '../core/workbook/types';
import type { CommentView, ReviewState, SharingReport, StepResult } from '../shared/sidebar-api';
import { commentLink, countComments, listComments, type DocComment } from './comments';
import { batchUpdate, readDocument } from './docs-api';
import {
  bodyParagraphs,
  fingerprint,
  handEdits,
  replaced,
  restamp,
  type HandEdits,
} from '../core/docs/fingerprint';
import { pendingSuggestions, suggestionsRefusal } from '../core/docs/suggestions';
import { memoText, rememberMemoText } from './state';
import { getFile, sharingFailure, shareWith, UserFacingError } from './drive';
import { checkWorkbook } from './generate';
import { googleError, isNotFound } from './google-errors';
import { readLog, updateMemoRows } from './log';
import {
  docUrl,
  memoStep,
  memoToActOn,
  reachableMemo,
  recordStep,
  refreshCounts,
  settle,
  thaiDigits,
  today,
} from './memo-record';
import { underDocumentLock } from './lock';
import { readContractTabs } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// ---- ส่งขอความเห็น -----------------------------------------------------------------------------

/** What the notification e-mail tells a reviewer or the approver (Drive adds the Doc's link). */
export function reviewMessage(data: WorkbookData, s: Signatory, due: CalendarDate | null): string {
  const year = data.general.fiscalYear.value ?? '';
  const org = data.general.organisation.value ?? '';
  const as =
    s.role.value === 'approver' ? 'ผู้สั่งการ กรุณาพิจารณาและสั่งการ' : 'ผู้ให้ความเห็น กรุณาตรวจและให้ความเห็น';
  const by = due ? ` ภายในวันที่ ${formatThaiDate(due, { digits: 'arabic' })}` : '';
  return (
    `เรียน ${[s.rank.value, s.name.value].filter((x) => x).join('') || s.email.value}\n` +
    `มีบันทึกข้อความรายงานผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. ${year} ของ${org} ` +
    `รอท่านในฐานะ${as}${by} โดยเปิดเอกสารจากลิงก์ในอีเมลนี้ เลือกข้อความที่ต้องการ แล้วแสดงความคิดเห็น (แทรก › ความคิดเห็น) ` +
    'ความเห็นทั้งหมดจะกลับไปแสดงในแท็บประวัติและแถบด้านข้างของชีตรายงาน ITA'
  );
}

/**
 * Gives the reviewers and the approver (those with an อีเมล) comment access, each told by Google's
 * e-mail what to review and by when. Best-effort: an address Drive refuses is reported.
 */
function shareWithReviewers(
  data: WorkbookData,
  docId: string,
  due: CalendarDate | null,
): SharingReport {
  const report: SharingReport = { shared: [], failed: [] };
  const seen = new Set<string>();
  for (const s of data.signatories) {
    const email = s.email.value?.trim();
    if (!email || s.role.value === 'proposer' || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    try {
      shareWith(docId, email, 'commenter', reviewMessage(data, s, due));
      report.shared.push(email);
    } catch (err) {
      const failure = sharingFailure(err);
      if (failure.shared) report.shared.push(email);
      report.failed.push({ email, reason: failure.reason });
    }
  }
  return report;
}

export function sharingNote(report: SharingReport): string {
  if (!report.failed.length) return '';
  return (
    `แชร์ให้ผู้ตรวจไม่ครบ ${report.failed.length} ราย: ` +
    report.failed.map((f) => `${f.email} (${f.reason})`).join('; ')
  );
}

/** "ส่งขอความเห็น": the current memo to its reviewers and approver. */
export function sendForReview(ss: Spreadsheet): StepResult {
  const action = LOG_ACTIONS.send;
  return memoStep(ss, action, (me, log) => {
    const { data } = checkWorkbook(ss);
    const memo = memoToActOn(log, 'ส่งขอความเห็น');
    const dueCell = data.general.reviewDue;
    const dueProblem = dateProblem(dueCell, 'กำหนดส่งความเห็น');
    if (dueProblem)
      throw new UserFacingError(
        `${dueProblem} (เซลล์ ${dueCell.sheet}!${dueCell.cell}) กรุณาแก้ หรือเว้นว่างหากไม่กำหนดวัน`,
      );
    const hasReviewers = data.signatories.some((s) => s.role.value !== 'proposer' && s.email.value);
    if (!hasReviewers)
      throw new UserFacingError(
        'ยังไม่มีอีเมลของผู้ให้ความเห็นหรือผู้สั่งการในแท็บผู้ลงนาม (คอลัมน์ “อีเมล”) กรุณากรอกอีเมลก่อนส่งขอความเห็น',
      );
    reachableMemo(memo, me, 'ส่งขอความเห็น');
    const due = dueCell.value;
    const sharing = shareWithReviewers(data, memo.docId, due);
    const dueText = due
      ? ` กำหนดส่งความเห็นภายในวันที่ ${formatThaiDate(due, { digits: thaiDigits(data) })}`
      : '';
    const sent = sharing.shared.length > 0;
    const note = [
      sent ? `ส่งให้ ${sharing.shared.join(', ')}${dueText}` : '',
      sharingNote(sharing),
    ].filter((n) => n);
    recordStep(ss, log, memo, {
      user: me,
      action,
      status: sent ? LOG_DONE : LOG_FAILED,
      note: note.join('\n'),
    });
    if (!sent) return { status: 'failed', message: `ส่งขอความเห็นไม่สำเร็จ: ${sharingNote(sharing)}` };
    memo.sent = true;
    settle(log, memo);
    return {
      status: 'done',
      message: `ส่งขอความเห็นแล้ว ${sharing.shared.length} ราย (${sharing.shared.join(', ')})${dueText} ผู้ตรวจจะได้รับอีเมลจาก Google พร้อมลิงก์เอกสาร${sharing.failed.length ? ` ${sharingNote(sharing)}` : ''}`,
    };
  });
}

// ---- Comments back in the sheet ----------------------------------------------------------------

/** Every value of the contract tabs (headers and ประวัติ aside), for pointing comments at cells. */
function sheetCells(ss: Spreadsheet): SheetCell[] {
  const { tabs } = readContractTabs(ss);
  const cells: SheetCell[] = [];
  for (const [sheet, values] of Object.entries(tabs)) {
    if (sheet.trim() === LOG_TAB.name) continue;
    values.forEach((row, r) => {
      if (r === 0) return;
      row.forEach((value, c) => {
        // ข้อมูลทั่วไป's labels name the values; they are not what a reviewer comments on.
        if (sheet.trim() === GENERAL_TAB.name && values[0][c] === GENERAL_TAB.columns[0].header)
          return;
        if (value !== '' && value !== null) cells.push({ sheet, cell: toA1(r + 1, c + 1), value });
      });
    });
  }
  return cells;
}

function commentViews(ss: Spreadsheet, docId: string, comments: DocComment[]): CommentView[] {
  const open = comments.filter((c) => !c.resolved);
  const cells = open.some((c) => c.quoted) ? sheetCells(ss) : [];
  return open.map((c) => {
    const view: CommentView = {
      id: c.id,
      author: c.author,
      quoted: c.quoted,
      content: c.content,
      replies: c.replies
        .filter((r) => r.content)
        .map((r) => ({ author: r.author, content: r.content })),
      link: commentLink(docId, c.id),
    };
    const at = c.quoted ? cellForQuote(c.quoted, cells) : null;
    if (at) view.cell = { sheet: at.sheet, cell: at.cell };
    return view;
  });
}

/** Why another person's memo's comments cannot be read here, and what to do. */
function unreadableNote(memo: MemoRecord): string {
  return (
    `อ่านความเห็นของบันทึกข้อความฉบับนี้ไม่ได้ เพราะเป็นเอกสารที่ ${memo.user || 'ผู้ใช้อื่น'} สร้าง ` +
    '(ส่วนเสริมเข้าถึงได้เฉพาะเอกสารที่สร้างให้ผู้ใช้แต่ละคน) กรุณาเปิดเอกสารเพื่ออ่านความเห็นโดยตรง'
  );
}

/**
 * The sidebar's review part: the current memo, its status and its open comments, read with one
 * Drive call; the memo's row is brought up to date when its counts changed.
 */
export function reviewState(ss: Spreadsheet): ReviewState {
  // Under the lock, so a step finishing meanwhile cannot be written over with an older status;
  // when another step holds it too long, the state is shown without writing.
  return underDocumentLock(
    () => currentState(ss, true),
    () => currentState(ss, false),
  );
}

function currentState(ss: Spreadsheet, write: boolean): ReviewState {
  const log = readLog(ss);
  const memo = currentMemo(log.rows);
  if (!memo) return { memo: null, comments: [], resolved: 0 };
  const comments = listComments(memo.docId);
  const state: ReviewState = {
    memo: { docUrl: docUrl(memo.docId), by: memo.user, status: memoStatus(memo) },
    comments: [],
    resolved: memo.resolved,
  };
  if (memo.published && /^https:/.test(memo.published.pdf))
    state.memo!.publishedUrl = memo.published.pdf;
  if (!comments) {
    state.unreadable = unreadableNote(memo);
    return state;
  }
  Object.assign(memo, countComments(comments));
  if (write) settle(log, memo);
  state.memo!.status = memoStatus(memo);
  const suggestions = suggestionCount(memo.docId);
  if (suggestions !== null) state.suggestions = suggestions;
  state.resolved = memo.resolved;
  state.comments = commentViews(ss, memo.docId, comments);
  return state;
}

/**
 * The memo's pending suggestions (one Docs call, whatever their number), or null when this user
 * cannot read the Doc now: the sidebar then shows the comments alone.
 */
function suggestionCount(docId: string): number | null {
  try {
    const doc = readDocument(docId);
    return doc ? pendingSuggestions(doc).count : null;
  } catch (err) {
    console.warn(`ITA Memo: suggestions not counted: ${googleError(err).message}`);
    return null;
  }
}

export interface CommentRefresh {
  updated: number;
  /**
   * Memos this user's add-on could not read, by who generated them: under drive.file the add-on
   * reaches only what it made for the person running it (or what they picked); their counts stay.
   */
  unreachable: { user: string; count: number }[];
}

/**
 * "อัปเดตสถานะความเห็น": the comment counts and status of this fiscal year's memos not yet
 * published (one Drive call each), written back with one write per status column, under the lock
 * (null: busy). Earlier years' memos are left as recorded: reading every memo ever generated
 * would cost a Drive call apiece, year after year.
 */
export function refreshCommentStatus(ss: Spreadsheet): CommentRefresh | null {
  return underDocumentLock(
    () => refreshUnderLock(ss),
    () => null,
  );
}

function refreshUnderLock(ss: Spreadsheet): CommentRefresh {
  const log = readLog(ss);
  const skipped = new Map<string, number>();
  const updated: MemoRecord[] = [];
  for (const memo of thisYearsMemos(log.rows)) {
    if (memo.published) continue;
    const comments = listComments(memo.docId);
    if (!comments) {
      skipped.set(memo.user, (skipped.get(memo.user) ?? 0) + 1);
      continue;
    }
    Object.assign(memo, countComments(comments));
    updated.push(memo);
  }
  updateMemoRows(
    log,
    updated.map((m) => ({
      row: m.row,
      memoStatus: memoStatus(m),
      openComments: m.open,
      resolvedComments: m.resolved,
    })),
  );
  return {
    updated: updated.length,
    unreachable: [...skipped].map(([user, count]) => ({ user, count })),
  };
}

/** ประวัติ's actions of new-year.ts: the fiscal year started, and that start undone. */
const YEAR_STARTED = 'เริ่มปีงบประมาณใหม่';
const YEAR_START_UNDONE = 'ยกเลิกการเริ่มปีงบประมาณใหม่';

/** The memos generated since the fiscal year last started (a start undone does not count). */
function thisYearsMemos(rows: readonly LogRow[]): MemoRecord[] {
  const starts: number[] = [];
  for (const r of rows) {
    if (r.status !== LOG_DONE) continue;
    if (r.action === YEAR_STARTED) starts.push(r.row);
    else if (r.action === YEAR_START_UNDONE) starts.pop();
  }
  const since = starts.at(-1) ?? 0;
  return readMemos(rows).filter((m) => m.row > since);
}

// ---- อนุมัติ --------------------------------------------------------------------------------------

/** "นายอุทัย พวงลังกา นายกองค์การบริหารส่วนตำบลเมืองเก่า" */
const fullName = (s: Signatory) =>
  [[s.rank.value, s.name.value].filter((x) => x).join(''), s.position.value]
    .filter((x) => x)
    .join(' ');

/**
 * Writes the approval date over the dotted line the template's วันที่อนุมัติ left (one Docs API
 * call; nothing changes when the template has no such line, or it is already written). Returns
 * false when this user may not edit the Doc.
 */
export function stampApprovalDate(docId: string, date: string): boolean {
  try {
    batchUpdate(docId, [
      {
        replaceAllText: {
          containsText: { text: APPROVAL_DATE_BLANK, matchCase: true },
          replaceText: date,
        },
      },
    ]);
    return true;
  } catch (err) {
    const g = googleError(err);
    if (g.code === 403 || isNotFound(err)) return false;
    throw err;
  }
}

/**
 * "อนุมัติ": recorded by the approver (ผู้สั่งการ, by the อีเมล the sheet gives), with the date;
 * refused while comments are open unless `confirmed`. The approver usually holds comment access
 * only, and under drive.file their add-on cannot read comments of a Doc it did not make: the
 * counts are then those last recorded in ประวัติ, and the date goes into the Doc on publication.
 */
export function approveMemo(ss: Spreadsheet, confirmed: boolean): StepResult {
  const action = LOG_ACTIONS.approve;
  return memoStep(ss, action, (me, log) => {
    const { data } = checkWorkbook(ss);
    const approver = data.signatories.find((s) => s.role.value === 'approver');
    if (!approver)
      throw new UserFacingError('ยังไม่มีผู้สั่งการในแท็บผู้ลงนาม (บทบาท “ผู้สั่งการ”) กรุณากรอกก่อนบันทึกการอนุมัติ');
    const name = fullName(approver);
    const email = approver.email.value?.trim() ?? '';
    if (!email)
      throw new UserFacingError(
        `ยังไม่ได้กรอกอีเมลของผู้สั่งการ (${name}) ในแท็บผู้ลงนาม การอนุมัติต้องบันทึกโดยผู้สั่งการด้วยบัญชีของตนเอง กรุณากรอกอีเมลก่อน`,
      );
    if (email.toLowerCase() !== me.toLowerCase())
      throw new UserFacingError(
        `การอนุมัติต้องบันทึกโดยผู้สั่งการ (${name}) ด้วยบัญชี ${email} แต่ขณะนี้ใช้บัญชี ${me || 'ที่ Google ไม่เปิดเผยอีเมล'} ` +
          'กรุณาให้ผู้สั่งการเปิดชีตนี้ด้วยบัญชีของตนแล้วใช้เมนู “อนุมัติ”',
      );
    const memo = memoToActOn(log, 'บันทึกการอนุมัติ');
    // Fresh counts when this add-on may read the comments; else those last recorded.
    const fresh = refreshCounts(memo);
    if (fresh) {
      const file = getFile(memo.docId, 'id,name,trashed');
      if (file?.trashed) reachableMemo(memo, me, 'บันทึกการอนุมัติ');
    }
    // What the approver approves: the Doc as it reads now (one Docs call, which also tells
    // whether they can open it at all).
    const doc = readDocument(memo.docId);
    if (!doc)
      throw new UserFacingError(
        'คุณยังเปิดบันทึกข้อความฉบับล่าสุดไม่ได้ (ยังไม่ได้รับสิทธิ์ หรือเอกสารถูกลบแล้ว) ระบบจึงบันทึกการอนุมัติไม่ได้ ' +
          'กรุณาขอให้เจ้าหน้าที่ใช้เมนู “ส่งขอความเห็น” เพื่อแชร์เอกสารให้ก่อน',
      );
    // The นายก approves a text: not one with reviewers' suggestions still undecided in it.
    const pending = pendingSuggestions(doc);
    if (pending.count)
      throw new UserFacingError(suggestionsRefusal(pending, 'บันทึกการอนุมัติ', 'staff'));
    const date = formatThaiDate(today(ss), { digits: thaiDigits(data) });
    const paragraphs = bodyParagraphs(doc);
    const previous = memo.approved;
    if (previous) {
      const edits = editsSinceApproval(memo.docId, paragraphs);
      if (!edits)
        return {
          status: 'done',
          message: `บันทึกข้อความฉบับนี้อนุมัติแล้ว (แถว ${previous.row} ของแท็บประวัติ) ไม่ต้องอนุมัติซ้ำ`,
        };
    }
    // Counts this add-on could not read may be old: the approver is told, and publication checks
    // them again (its publisher's add-on can read them).
    const stale = fresh
      ? ''
      : ' (ตามสถานะที่บันทึกไว้ล่าสุดในแท็บประวัติ ซึ่งอาจยังไม่รวมความเห็นที่เพิ่งเพิ่ม เพราะส่วนเสริมของคุณอ่านความเห็นในเอกสารที่ผู้อื่นสร้างไม่ได้)';
    if (memo.open > 0 && !confirmed) {
      return {
        status: 'confirm',
        message: `บันทึกข้อความยังมีความเห็นค้าง ${memo.open} รายการ${stale} ต้องการบันทึกการอนุมัติทั้งที่ยังมีความเห็นค้างหรือไม่`,
      };
    }
    const stamped = stampApprovalDate(memo.docId, date);
    const note = [
      `อนุมัติโดย ${name} วันที่ ${date}`,
      previous ? `อนุมัติฉบับที่แก้ไขหลังการอนุมัติครั้งก่อน (แถว ${previous.row} ของแท็บประวัติ)` : '',
      memo.open > 0 ? `บันทึกการอนุมัติขณะยังมีความเห็นค้าง ${memo.open} รายการ (ยืนยันแล้ว)` : '',
      stamped ? '' : 'วันที่อนุมัติจะลงในเอกสารเมื่อเผยแพร่ฉบับอนุมัติ',
    ].filter((n) => n);
    memo.approved = recordStep(ss, log, memo, { user: me, action, note: note.join('\n') });
    settle(log, memo);
    rememberApproval(memo.docId, paragraphs, date, stamped);
    const unread = fresh
      ? ''
      : ' ส่วนเสริมของคุณอ่านความเห็นในเอกสารที่ผู้อื่นสร้างไม่ได้ จึงใช้จำนวนความเห็นค้างที่บันทึกไว้ล่าสุดในแท็บประวัติ ' +
        'ระบบจะตรวจความเห็นค้างอีกครั้งเมื่อเจ้าหน้าที่เผยแพร่';
    return { status: 'done', message: `บันทึกการอนุมัติแล้ว: ${note.join(' ')}${unread}` };
  });
}

/**
 * What the approver approved: the Doc's paragraphs with the approval date in (written now, or on
 * publication), so publication can tell whether the text changed since. When the date went in
 * now, the record of the last fill follows it (the add-on's own stamp is no edit by hand).
 */
function rememberApproval(
  docId: string,
  paragraphs: string[],
  date: string,
  stamped: boolean,
): void {
  rememberMemoText('approved', {
    docId,
    text: fingerprint(replaced(paragraphs, APPROVAL_DATE_BLANK, date)),
    date,
  });
  if (stamped) followStamp(docId, paragraphs, date);
}

/** The record of the last fill follows the approval date the add-on wrote over its dotted line. */
export function followStamp(docId: string, paragraphs: string[], date: string): void {
  const filled = memoText('filled', docId);
  if (filled && paragraphs.some((p) => p.includes(APPROVAL_DATE_BLANK)))
    rememberMemoText('filled', {
      ...filled,
      text: restamp(filled.text, paragraphs, APPROVAL_DATE_BLANK, date),
    });
}

/**
 * The paragraphs that differ from what the approver approved (the approval date taken as written
 * in), or null when none do, or when the approval was recorded before this was kept.
 */
export function editsSinceApproval(docId: string, paragraphs: string[]): HandEdits | null {
  const approved = memoText('approved', docId);
  if (!approved) return null;
  return handEdits(approved.text, replaced(paragraphs, APPROVAL_DATE_BLANK, approved.date ?? ''));
}
