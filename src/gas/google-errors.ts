/**
 * Telling Google's errors apart by what Google says they are, not by words in a message.
 *
 * An advanced service (Drive, Docs) throws a GoogleJsonResponseException whose `details` is the
 * API's JSON error: `details.code` the HTTP status, `details.errors[0].reason` the reason
 * (`notFound`, `userRateLimitExceeded`, `invalidSharingRequest`, …). Public Apps Script code reads
 * exactly these (`e.details.code === 409`, `e.details.errors[0].reason === '…'`); the reasons are
 * Drive's (https://developers.google.com/workspace/drive/api/guides/handle-errors).
 */

export interface GoogleError {
  /** HTTP status, or null for errors that are not from a Google API. */
  code: number | null;
  /** The API's reason, or null. */
  reason: string | null;
  message: string;
}

export function googleError(err: unknown): GoogleError {
  const e = err as {
    message?: unknown;
    details?: { code?: unknown; errors?: { reason?: unknown }[] };
  } | null;
  const code = typeof e?.details?.code === 'number' ? e.details.code : null;
  const reason = e?.details?.errors?.[0]?.reason;
  return {
    code,
    reason: typeof reason === 'string' ? reason : null,
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
}

/** Drive's 404: the file does not exist or this user's copy of the add-on may not see it. */
export function isNotFound(err: unknown): boolean {
  const g = googleError(err);
  return g.reason === 'notFound' || g.code === 404;
}

/** Too many requests: worth waiting and trying again (handle-errors: "use exponential backoff"). */
export function isRateLimited(err: unknown): boolean {
  const g = googleError(err);
  return (
    g.code === 429 ||
    g.reason === 'userRateLimitExceeded' ||
    g.reason === 'rateLimitExceeded' ||
    (g.code !== null && g.code >= 500)
  );
}

/** The script's Cloud project has the API switched off (403 accessNotConfigured / SERVICE_DISABLED). */
export function isApiDisabled(err: unknown): boolean {
  const g = googleError(err);
  return g.reason === 'accessNotConfigured' || g.reason === 'SERVICE_DISABLED';
}

/**
 * Calls `call`, and once or twice more after 1 s and 2 s when Google answers that it is
 * overloaded or rate-limited. The waits count in the execution's 6 minutes.
 */
export function withBackoff<T>(call: () => T, waits: readonly number[] = [1000, 2000]): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return call();
    } catch (err) {
      if (attempt >= waits.length || !isRateLimited(err)) throw err;
      Utilities.sleep(waits[attempt]);
    }
  }
}
