/**
 * The current memo as the review steps see it (core/memo/review-status reads it from ประวัติ):
 * which memo a step acts on, whether this user's add-on reaches its Doc, how its row follows it,
 * and the lock and logging every step shares.
 */
import {
  currentMemo,
  failedLastAttempt,
  memoStatus,
  type MemoRecord,
  type Step,
} from '../core/memo/review-status';
import { dateFromCell, type CalendarDate } from '../core/thai/calendar';
import { LOG_DONE, LOG_FAILED } from '../core/workbook/contract';
import type { WorkbookData } from '../core/workbook/types';
type Failed = { status: 'failed'; message: string };
import { countComments, listComments } from './comments';
import { getFile, UserFacingError } from './drive';
import { googleError, isApiDisabled, isRateLimited } from './google-errors';
import { underDocumentLock } from './lock';
import { appendLog, readLog, updateMemoRows, type Log } from './log';
import { utcOffsetMinutes } from './sheets';
import { activeUserEmail } from './team';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Doc's link as Drive gives it, from its ID (the เอกสาร cell may link to a local file offline). */
export const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit?usp=drivesdk`;

/** Today in the spreadsheet's time zone. */
export function today(ss: Spreadsheet): CalendarDate {
  return dateFromCell(new Date(), utcOffsetMinutes(ss)) as CalendarDate;
}

export const thaiDigits = (data: WorkbookData) =>
  data.general.useThaiDigits.value ? 'thai' : 'arabic';

/**
 * The memo a step acts on, or a Thai refusal: there is none yet, or the last attempt to make one
 * failed (acting on an older memo then would surprise the person asking).
 */
export function memoToActOn(log: Log, step: string): MemoRecord {
  const failed = failedLastAttempt(log.rows);
  if (failed) {
    throw new UserFacingError(
      `การ${failed.action}ครั้งล่าสุด (แถว ${failed.row} ของแท็บประวัติ) ไม่สำเร็จ${failed.note ? `: ${failed.note}` : ''} ` +
        `กรุณาแก้แล้วสร้างบันทึกข้อความให้สำเร็จก่อน${step}`,
    );
  }
  const memo = currentMemo(log.rows);
  if (!memo)
    throw new UserFacingError(
      `ยังไม่มีบันทึกข้อความที่สร้างสำเร็จในแท็บประวัติ กรุณาใช้เมนู “สร้างบันทึกข้อความ” ก่อน${step}`,
    );
  return memo;
}

/** The memo's Doc as this user's add-on reaches it in Drive, or a Thai refusal saying why not. */
export function reachableMemo(memo: MemoRecord, me: string, step: string) {
  const file = getFile(memo.docId, 'id,name,trashed,parents,webViewLink');
  if (file && file.trashed)
    throw new UserFacingError(
      `บันทึกข้อความฉบับล่าสุด (“${file.name}”) อยู่ในถังขยะของ Google ไดรฟ์ ระบบจึง${step}ไม่ได้ ` +
        'กรุณากู้คืนเอกสารจากถังขยะ หรือสร้างบันทึกข้อความใหม่',
    );
  if (file) return file;
  throw new UserFacingError(unreachable(memo, me, step));
}

function unreachable(memo: MemoRecord, me: string, step: string): string {
  return memo.user && memo.user.toLowerCase() !== me.toLowerCase()
    ? `บันทึกข้อความฉบับล่าสุดสร้างโดย ${memo.user} ส่วนเสริมที่คุณใช้จึงเข้าถึงเอกสารนั้นไม่ได้ ` +
        `(ส่วนเสริมเข้าถึงได้เฉพาะไฟล์ที่สร้างให้ผู้ใช้แต่ละคน) กรุณาให้ ${memo.user} ${step}`
    : 'ส่วนเสริมเข้าถึงบันทึกข้อความฉบับล่าสุดใน Google ไดรฟ์ไม่ได้ (อาจถูกลบถาวร หรือคุณไม่มีสิทธิ์แล้ว) ' +
        `ระบบจึง${step}ไม่ได้ กรุณาสร้างบันทึกข้อความใหม่`;
}

/**
 * Reads the memo's comment counts when this user's add-on may (one Drive call), so the memo's row
 * is current after a step; otherwise the counts last recorded stay. True when read.
 */
export function refreshCounts(memo: MemoRecord): boolean {
  const comments = listComments(memo.docId);
  if (comments) Object.assign(memo, countComments(comments));
  return comments !== null;
}

/**
 * Appends the row of a step on the memo (one write): who, what, how it went, the Doc's link and
 * ID. Returns the step as the memo's record holds it.
 */
export function recordStep(
  ss: Spreadsheet,
  log: Log,
  memo: MemoRecord,
  entry: { user: string; action: string; note: string; status?: string; pdf?: string },
): Step {
  const time = new Date();
  const status = entry.status ?? LOG_DONE;
  appendLog(ss, { time, document: docUrl(memo.docId), docId: memo.docId, ...entry, status }, log);
  return { row: 0, time, user: entry.user, note: entry.note, pdf: entry.pdf ?? '' };
}

/** The memo's row follows the memo: its status and, when read, its comment counts. */
export function settle(log: Log, memo: MemoRecord): void {
  updateMemoRows(log, [
    {
      row: memo.row,
      memoStatus: memoStatus(memo),
      openComments: memo.open,
      resolvedComments: memo.resolved,
    },
  ]);
}

/** What a step made before it failed: kept in its failure row rather than lost. */
export interface StepMade {
  /** The PDF it created or updated (its link). */
  pdf?: string;
}

/**
 * Runs a review step under the document lock. A refusal (UserFacingError, thrown before anything
 * changed) is said in Thai and changes nothing; a failure of Google's half-way is said in Thai and
 * logged as the step's row, with its reason and the PDF it had made (`made`).
 */
export function memoStep<T extends { status: string }>(
  ss: Spreadsheet,
  action: string,
  run: (me: string, log: Log, made: StepMade) => T,
): T | Failed {
  return underDocumentLock(
    (): T | Failed => {
      let me = '';
      let docId = '';
      const made: StepMade = {};
      try {
        me = activeUserEmail();
        const log = readLog(ss);
        docId = currentMemo(log.rows)?.docId ?? '';
        return run(me, log, made);
      } catch (err) {
        if (err instanceof UserFacingError && !made.pdf)
          return { status: 'failed', message: err.message };
        const why = err instanceof UserFacingError ? err.message : describeGoogleFailure(err);
        const reason =
          `${action}ไม่สำเร็จ: ${why}` +
          (made.pdf
            ? ` ไฟล์ PDF สร้างหรือปรับปรุงแล้วที่ ${made.pdf} (บันทึกลิงก์ไว้ในแถวนี้ของแท็บประวัติ) ` +
              'เมื่อเผยแพร่อีกครั้งด้วยบัญชีเดิม ระบบจะใช้ไฟล์นี้ต่อ ลิงก์จึงไม่เปลี่ยน'
            : '');
        appendLog(ss, {
          time: new Date(),
          user: me,
          action,
          status: LOG_FAILED,
          note: reason,
          docId,
          ...(made.pdf ? { pdf: made.pdf } : {}),
        });
        return { status: 'failed', message: reason };
      }
    },
    (message): T | Failed => ({ status: 'failed', message }),
  );
}

/** A Google failure in Thai, told apart by Google's reason (google-errors.ts). */
export function describeGoogleFailure(err: unknown, during = 'จาก Google'): string {
  if (isRateLimited(err))
    return 'Google ปฏิเสธคำขอชั่วคราวเพราะมีคำขอมากเกินไป (ลองซ้ำแล้วยังไม่สำเร็จ) กรุณารอสักครู่แล้วลองใหม่';
  if (isApiDisabled(err))
    return 'บริการของ Google ที่ส่วนเสริมต้องใช้ยังไม่ได้เปิดในโปรเจกต์ Cloud ของส่วนเสริม กรุณาแจ้งผู้ดูแลระบบ';
  return `เกิดข้อผิดพลาด${during}: ${googleError(err).message}`;
}
