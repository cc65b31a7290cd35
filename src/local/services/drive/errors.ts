/**
 * Errors shaped like the ones Apps Script's advanced services throw, so code that inspects them
 * sees what it would see on Google:
 * `GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: <id>.`
 *
 * Apps Script hands the API's JSON error to the script as `details`: `details.code` is the HTTP
 * status and `details.errors[0].reason` the API's reason (`notFound`, `userRateLimitExceeded`,
 * `invalidSharingRequest`, …). Public Apps Script code reads exactly these, e.g.
 * `e.details.code === 409` and `e.details.errors[0].reason === "playlistOperationUnsupported"`
 * (github.com/Elijas/auto-youtube-subscription-playlist-2, sheetScript.gs). The reasons and
 * messages are Drive's own: https://developers.google.com/workspace/drive/api/guides/handle-errors.
 */
export interface GoogleErrorItem {
  domain: string;
  reason: string;
  message: string;
  location?: string;
  locationType?: string;
}

const DEFAULT_REASON: Record<number, string> = {
  400: 'badRequest',
  401: 'authError',
  403: 'forbidden',
  404: 'notFound',
  429: 'rateLimitExceeded',
  500: 'backendError',
};

export class GoogleJsonResponseException extends Error {
  /** The API's error as Apps Script exposes it: HTTP status, message and the reasons. */
  readonly details: { code: number; message: string; errors: GoogleErrorItem[] };

  constructor(
    method: string,
    code: number,
    message: string,
    reason = DEFAULT_REASON[code] ?? 'unknown',
    extra: Partial<GoogleErrorItem> = {},
  ) {
    super(`API call to ${method} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    const domain = /RateLimit|rateLimit|dailyLimit|accessNotConfigured/.test(reason)
      ? 'usageLimits'
      : 'global';
    this.details = { code, message, errors: [{ domain, reason, message, ...extra }] };
  }
}

/** Drive's 404: no such file, or the caller may not see it (no role, no drive.file grant). */
export function notFound(method: string, id: string): GoogleJsonResponseException {
  return new GoogleJsonResponseException(method, 404, `File not found: ${id}.`, 'notFound', {
    location: 'fileId',
    locationType: 'parameter',
  });
}

export function badRequest(method: string, reason: string): GoogleJsonResponseException {
  return new GoogleJsonResponseException(method, 400, reason);
}

/** Drive's 403 when the user's role does not allow the change (handle-errors#insufficientFilePermissions). */
export function insufficientPermissions(method: string, id: string): GoogleJsonResponseException {
  return new GoogleJsonResponseException(
    method,
    403,
    `The user does not have sufficient permissions for file ${id}.`,
    'insufficientFilePermissions',
  );
}

/** Something Google supports that this local emulation does not: say so plainly. */
export function notEmulated(what: string): Error {
  return new Error(`Local Drive: ${what} is not emulated by the local runtime.`);
}
