import { tracked, type CallLog } from './calls';

export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;
export type AuthModeName = keyof typeof AuthMode;

const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
const InstallationSource = {
  APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  NONE: 'NONE',
  WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
} as const;

/** A fixed, obviously fake token: nothing local talks to Google, so nothing can misuse it. */
export const FAKE_OAUTH_TOKEN = 'ya29.local-runtime-fake-token';

class AuthorizationInfo implements Pick<
  GoogleAppsScript.Script.AuthorizationInfo,
  'getAuthorizationStatus' | 'getAuthorizationUrl'
> {
  constructor(log: CallLog) {
    return tracked(this, log, 'ScriptApp', 'AuthorizationInfo');
  }

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return AuthorizationStatus.NOT_REQUIRED as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }

  getAuthorizationUrl(): string {
    return '';
  }
}

/** ScriptApp: enums, identity and tokens. Triggers are not emulated (the add-on uses simple triggers). */
export class ScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  | 'getOAuthToken'
  | 'getScriptId'
  | 'getAuthorizationInfo'
  | 'getInstallationSource'
  | 'getProjectTriggers'
> {
  readonly AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly AuthorizationStatus =
    AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;
  readonly TriggerSource = TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  readonly EventType = EventType as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly InstallationSource =
    InstallationSource as unknown as typeof GoogleAppsScript.Script.InstallationSource;

  constructor(
    private readonly log: CallLog,
    private readonly scriptId: string,
  ) {
    return tracked(this, log, 'ScriptApp', 'ScriptApp');
  }

  getOAuthToken(): string {
    return FAKE_OAUTH_TOKEN;
  }

  getScriptId(): string {
    return this.scriptId;
  }

  getAuthorizationInfo(
    _authMode: GoogleAppsScript.Script.AuthMode,
  ): GoogleAppsScript.Script.AuthorizationInfo {
    return new AuthorizationInfo(this.log) as never;
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return InstallationSource.NONE as unknown as GoogleAppsScript.Script.InstallationSource;
  }

  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return [];
  }
}
