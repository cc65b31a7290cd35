/**
 * The document lock every step that makes or changes a memo takes (generate, send, approve,
 * publish), so two people acting on one sheet at once take turns and lose nothing
 * (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()).
 */

/** Runs `fn` holding the document lock; `busy()` answers when it cannot be had within 15 s. */
export function withMemoLock<T>(busy: () => T, fn: () => T): T {
  let lock: GoogleAppsScript.Lock.Lock;
  try {
    lock = LockService.getDocumentLock();
    if (!lock.tryLock(15000)) return busy();
  } catch {
    return busy();
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
