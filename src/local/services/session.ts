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

/** Google's consumer domains: accounts there are never in the developer's Workspace domain. */
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * What Session.getActiveUser().getEmail() reveals. Google: "If security policies do not allow
 * access to the user's identity, User.getEmail() returns a blank string … the email address is
 * not available in any context that allows a script to run without that user's authorization,
 * like a simple onOpen(e) or onEdit(e) trigger … However, these restrictions generally do not
 * apply if the developer runs the script themselves or belongs to the same Google Workspace
 * domain as the user" (https://developers.google.com/apps-script/reference/base/session).
 * So: in an authorised (FULL) run the user's own e-mail; in a simple trigger only when the user
 * and the script's owner share a Workspace domain (consumer accounts never do).
 */
export function visibleEmail(user: string, authMode: string, scriptOwner: string): string {
  if (authMode === 'FULL') return user;
  const domain = (e: string) => e.slice(e.lastIndexOf('@') + 1).toLowerCase();
  const d = domain(user);
  return !CONSUMER_DOMAINS.has(d) && d === domain(scriptOwner) ? user : '';
}

export interface SessionOptions {
  /** The user of the current execution. */
  readonly user: string;
  /** What getActiveUser/getEffectiveUser may reveal now (see visibleEmail). */
  readonly email: string;
  /** The manifest's timeZone (build/appsscript.json). */
  scriptTimeZone: string;
  /** Language code, as getActiveUserLocale reports it ('th', 'en'). */
  locale: string;
  scriptId: string;
}

/**
 * Session. The execution's user is both the active and the effective user: the add-on runs as
 * the person who clicked (getEffectiveUser: "In most other cases, this returns the same account as
 * getActiveUser()"); their e-mail is empty where Google leaves it empty (visibleEmail).
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
    return new User(this.log, this.options.email) as never;
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new User(this.log, this.options.email) as never;
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
