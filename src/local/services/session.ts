import { createHash } from 'node:crypto';
import { tracked, type CallLog } from './calls';

/** A Google account, as Session and Protection.getEditors return it. */
export class User implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    log: CallLog,
    private readonly email: string,
  ) {
    return tracked(this, log, 'Session', 'User');
  }

  getEmail(): string {
    return this.email;
  }

  toString(): string {
    return this.email;
  }
}

export interface SessionOptions {
  user: string;
  /** The manifest's timeZone (build/appsscript.json). */
  scriptTimeZone: string;
  /** Language code, as getActiveUserLocale reports it ('th', 'en'). */
  locale: string;
  scriptId: string;
}

/**
 * Session. The local user is both the active and the effective user: the add-on runs as the
 * person who clicked, which is also what Google reports for a user-triggered add-on run.
 */
export class Session implements Pick<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getActiveUserLocale'
  | 'getTemporaryActiveUserKey'
> {
  constructor(
    private readonly log: CallLog,
    private readonly options: SessionOptions,
  ) {
    return tracked(this, log, 'Session', 'Session');
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    return new User(this.log, this.options.user) as never;
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new User(this.log, this.options.user) as never;
  }

  getScriptTimeZone(): string {
    return this.options.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return this.options.locale;
  }

  /** Google's key is opaque, per user and per script; a hash of both is stable the same way. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256')
      .update(`${this.options.scriptId}\n${this.options.user}`)
      .digest('base64url')
      .slice(0, 43);
  }
}
