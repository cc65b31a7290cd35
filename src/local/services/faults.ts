/**
 * Failures on demand: tests make a call fail the way Google fails it, with Google's status,
 * reason and message, to prove the add-on survives it. Nothing here fires unless a test asks.
 *
 * Sources for each shape:
 * - Drive errors: https://developers.google.com/workspace/drive/api/guides/handle-errors
 *   (invalidSharingRequest "ACL change not allowed." and "Sorry, the items were successfully
 *   shared but emails could not be sent to …", sharingRateLimitExceeded, userRateLimitExceeded
 *   403, rateLimitExceeded 429).
 * - A disabled API in the script's Cloud project: the Google API's 403 "Google Docs API has not
 *   been used in project N before or it is disabled. …", reason accessNotConfigured (as clients
 *   report it; the exact wording is Google's standard SERVICE_DISABLED message).
 */
import { GoogleJsonResponseException } from './drive/errors';

/** Why sharing with one address fails. */
export type SharingFault =
  /** No Google account: Drive invites by e-mail; without the notification it refuses (assumed wording, see below). */
  | 'noGoogleAccount'
  /** The file's domain forbids sharing outside it: 400 invalidSharingRequest "ACL change not allowed." */
  | 'domainPolicy'
  /** Shared, but Drive could not deliver the notification e-mail (400 invalidSharingRequest). */
  | 'undeliverable'
  /** The user hit Drive's sharing limit (403 sharingRateLimitExceeded). */
  | 'sharingRateLimit';

export interface RateLimitFault {
  /** 403 userRateLimitExceeded (per-user limit) or 429 rateLimitExceeded (too many requests). */
  status: 403 | 429;
  /** How many calls fail before the limit lifts (default: every call). */
  times: number;
}

/** A call of one member that fails: after `after` calls go through, the next `times` fail. */
export interface CallFault {
  /** Calls that still succeed first (default 0: the first call fails). */
  after: number;
  /** How many calls then fail (default 1). */
  times: number;
  /**
   * 'error': the call throws Apps Script's Exception with `message` (default: Apps Script's
   * generic "We're sorry, a server error occurred…"), as a transient Google failure does;
   * 'timeout': the execution is killed there, as Google stops a run at its time limit (every
   * later call fails too and the run ends with "Exceeded maximum execution time").
   */
  kind: 'error' | 'timeout';
  message: string;
}

export const SERVER_ERROR =
  "We're sorry, a server error occurred. Please wait a bit and try again.";

export class Faults {
  private readonly calls = new Map<string, CallFault>();
  private readonly sharing = new Map<string, SharingFault>();
  private readonly rateLimits = new Map<string, RateLimitFault>();
  private readonly disabled = new Set<string>();
  private readonly busyLocks = new Set<string>();
  private pdf = false;

  /**
   * Any member fails on demand: `failCall('SpreadsheetApp', 'Range.clearContent', { after: 1 })`
   * makes the second clearContent of the run fail. For services whose own failures have a
   * shape of their own (Drive rate limits, sharing, PDF export) use the methods below.
   */
  failCall(service: string, member: string, fault: Partial<CallFault> = {}): this {
    this.calls.set(`${service} ${member}`, {
      after: fault.after ?? 0,
      times: fault.times ?? 1,
      kind: fault.kind ?? 'error',
      message: fault.message ?? SERVER_ERROR,
    });
    return this;
  }

  /** The failure this call meets, if one was asked for (counts the call). */
  callFault(service: string, member: string): Pick<CallFault, 'kind' | 'message'> | null {
    const fault = this.calls.get(`${service} ${member}`);
    if (!fault) return null;
    if (fault.after > 0) {
      fault.after -= 1;
      return null;
    }
    if (fault.times <= 0) return null;
    fault.times -= 1;
    return { kind: fault.kind, message: fault.message };
  }

  /** Permissions.create for this address fails as `kind` says. */
  failSharing(email: string, kind: SharingFault): this {
    this.sharing.set(email.toLowerCase(), kind);
    return this;
  }

  /** `Service Class.member` (e.g. 'Drive', 'Files.create') answers with a rate-limit error. */
  rateLimit(service: string, member: string, fault: Partial<RateLimitFault> = {}): this {
    this.rateLimits.set(`${service} ${member}`, {
      status: fault.status ?? 403,
      times: fault.times ?? Number.POSITIVE_INFINITY,
    });
    return this;
  }

  /** The advanced service's API is not enabled in the script's Cloud project ('Docs', 'Drive'). */
  disableApi(service: 'Docs' | 'Drive'): this {
    this.disabled.add(service);
    return this;
  }

  /** Converting a Doc to PDF fails (Document.getAs, Blob.getAs, Drive Files.export). */
  failPdfExport(): this {
    this.pdf = true;
    return this;
  }

  /** Another execution holds this lock for longer than anyone waits ('document', 'script', 'user'). */
  holdLock(kind: 'document' | 'script' | 'user'): this {
    this.busyLocks.add(kind);
    return this;
  }

  clear(): void {
    this.calls.clear();
    this.sharing.clear();
    this.rateLimits.clear();
    this.disabled.clear();
    this.busyLocks.clear();
    this.pdf = false;
  }

  sharingFault(email: string): SharingFault | undefined {
    return this.sharing.get(email.toLowerCase());
  }

  lockBusy(kind: string): boolean {
    return this.busyLocks.has(kind);
  }

  pdfExportFails(): boolean {
    return this.pdf;
  }

  /**
   * The error a call must fail with before it runs, if any: a disabled API or a rate limit.
   * `method` is the REST method name for the message (`drive.files.create`).
   */
  beforeCall(service: string, member: string, method: string): Error | null {
    if (this.disabled.has(service)) return apiDisabled(service, method);
    const limit = this.rateLimits.get(`${service} ${member}`);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      return limit.status === 429
        ? new GoogleJsonResponseException(method, 429, 'Rate Limit Exceeded', 'rateLimitExceeded')
        : new GoogleJsonResponseException(
            method,
            403,
            'User Rate Limit Exceeded',
            'userRateLimitExceeded',
          );
    }
    return null;
  }
}

/** The Cloud project the local runtime pretends the script belongs to (a project number). */
export const LOCAL_PROJECT_NUMBER = '123456789012';

function apiDisabled(service: string, method: string): GoogleJsonResponseException {
  const api = service === 'Docs' ? 'Google Docs API' : 'Google Drive API';
  const host = service === 'Docs' ? 'docs.googleapis.com' : 'drive.googleapis.com';
  return new GoogleJsonResponseException(
    method,
    403,
    `${api} has not been used in project ${LOCAL_PROJECT_NUMBER} before or it is disabled. ` +
      `Enable it by visiting https://console.developers.google.com/apis/api/${host}/overview?project=${LOCAL_PROJECT_NUMBER} then retry. ` +
      'If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.',
    'accessNotConfigured',
  );
}

/**
 * Drive's answer to sharing with an address that fails as `kind` says. For 'undeliverable' Drive
 * has already shared (the caller records the permission first). For 'noGoogleAccount' Google
 * sends an invitation when notification is on; the refusal when it is off is reported in public
 * threads, not on Google's page, so its wording is an assumption.
 */
export function sharingError(
  kind: SharingFault,
  email: string,
  notify: boolean,
): GoogleJsonResponseException | null {
  const method = 'drive.permissions.create';
  const bad = (msg: string) =>
    new GoogleJsonResponseException(
      method,
      400,
      `Bad Request. User message: "${msg}"`,
      'invalidSharingRequest',
    );
  switch (kind) {
    case 'domainPolicy':
      return bad('ACL change not allowed.');
    case 'undeliverable':
      return bad(
        `Sorry, the items were successfully shared but emails could not be sent to ${email}.`,
      );
    case 'sharingRateLimit':
      return new GoogleJsonResponseException(
        method,
        403,
        `Rate limit exceeded. User message: "These item(s) could not be shared because a rate limit was exceeded: ${email}"`,
        'sharingRateLimitExceeded',
      );
    case 'noGoogleAccount':
      return notify
        ? null
        : bad(
            `You are trying to invite ${email}. Since there is no Google account associated with this email address, you must check the "Notify people" box to invite this recipient.`,
          );
  }
}
