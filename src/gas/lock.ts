/**
 * The document lock, taken by every command that changes the sheet or makes files from it
 * (generate, send, approve, publish, the comment refresh's write, a new fiscal year), so two
 * people (or two clicks) at once take turns instead of both writing: one helper and one Thai
 * answer for "someone else is at it".
 *
 * LockService.getDocumentLock: "Gets a lock that prevents any user of the current document from
 * concurrently running a section of code"; tryLock(timeoutInMillis) "Attempts to acquire the
 * lock, timing out after the provided number of milliseconds" and returns false when it could not
 * (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock(),
 * https://developers.google.com/apps-script/reference/lock/lock#tryLock(Integer)).
 */

/** How long a command waits for another person's command to finish. */
export const LOCK_WAIT_MS = 15_000;

export const BUSY_MESSAGE =
  'มีผู้อื่นกำลังใช้คำสั่งของส่วนเสริมกับชีตนี้อยู่ (เช่น สร้าง ส่งขอความเห็น อนุมัติ หรือเผยแพร่บันทึกข้อความ) กรุณารอสักครู่แล้วลองใหม่';

/**
 * Runs `step` holding the document lock; `busy(message)` answers instead when it is not had in
 * time (or the lock service fails: nothing is done without the lock, so there is nothing to log).
 */
export function underDocumentLock<T>(step: () => T, busy: (message: string) => T): T {
  let lock: GoogleAppsScript.Lock.Lock;
  try {
    lock = LockService.getDocumentLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) return busy(BUSY_MESSAGE);
  } catch {
    return busy(BUSY_MESSAGE);
  }
  try {
    return step();
  } finally {
    // "If you are working with a spreadsheet, you should call SpreadsheetApp.flush() prior to
    // releasing the lock, to commit all pending changes to the spreadsheet"
    // (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()): otherwise
    // the next person's step, let in by the release, may read the sheet without this one's rows.
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}
