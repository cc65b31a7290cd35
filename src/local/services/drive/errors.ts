/**
 * Errors shaped like the ones Apps Script's advanced services throw, so code that inspects
 * `e.message` (or logs `String(e)`) sees what it would see on Google:
 * `GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: <id>.`
 */
export class GoogleJsonResponseException extends Error {
  /** The HTTP status Drive answered with; Apps Script exposes it as `details.code`. */
  readonly details: { code: number; message: string };

  constructor(method: string, code: number, reason: string) {
    super(`API call to ${method} failed with error: ${reason}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message: reason };
  }
}

export function notFound(method: string, id: string): GoogleJsonResponseException {
  return new GoogleJsonResponseException(method, 404, `File not found: ${id}.`);
}

export function badRequest(method: string, reason: string): GoogleJsonResponseException {
  return new GoogleJsonResponseException(method, 400, reason);
}

/** Something Google supports that this local emulation does not: say so plainly. */
export function notEmulated(what: string): Error {
  return new Error(`Local Drive: ${what} is not emulated by the local runtime.`);
}
