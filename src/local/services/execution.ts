/**
 * One Apps Script execution, and the gate every emulated call passes (CallLog.gate): the member
 * must be in the scope table (scopes.ts), its scopes granted by the manifest the runtime loaded,
 * allowed in the execution's authorisation mode, and its time must fit the execution's budget.
 * Faults a test asked for (faults.ts) fire here too.
 *
 * Google's behaviour, with its sources:
 * - A manifest that lists `oauthScopes` gets exactly those; a call needing another scope fails
 *   with "Specified permissions are not sufficient to call Session.getActiveUser. Required
 *   permissions: https://www.googleapis.com/auth/userinfo.email" (Apps Script's wording, as
 *   public projects quote it; several any-of scopes are written "(a || b)"). Without
 *   `oauthScopes`, Apps Script derives the scopes from the code, so every call is granted
 *   (https://developers.google.com/apps-script/concepts/scopes).
 * - An advanced service whose token lacks the scope is refused by the Google API itself:
 *   403 "Request had insufficient authentication scopes." (assumed to reach the script as a
 *   GoogleJsonResponseException like the API's other errors).
 * - Simple triggers run in AuthMode.LIMITED (NONE for an editor add-on not yet used in the file)
 *   and "cannot access services that require authorization"; the refusal reads "You do not have
 *   permission to call DocumentApp.create. Required permissions: …"
 *   (https://developers.google.com/apps-script/guides/triggers#restrictions,
 *   https://developers.google.com/apps-script/reference/script/auth-mode).
 * - Simple triggers "cannot run for longer than 30 seconds" (same page); other executions stop
 *   at 6 minutes with "Exceeded maximum execution time"
 *   (https://developers.google.com/apps-script/guides/services/quotas). The script cannot catch
 *   it: once the budget is spent every further call fails and the run ends with that error.
 */
import { realmError, type Realm } from '../load-bundle';
import type { CallGate } from './calls';
import { modelledCostMs } from './costs';
import { GoogleJsonResponseException } from './drive/errors';
import { SERVER_ERROR, type Faults } from './faults';
import { memberScopes, type MemberScopes } from './scopes';
import type { AuthModeName } from './script';

/** The part of appsscript.json the gate reads. */
export interface Manifest {
  oauthScopes?: string[];
}

export const SIMPLE_TRIGGER_BUDGET_MS = 30_000;
export const EXECUTION_BUDGET_MS = 6 * 60_000;
export const TIMEOUT_MESSAGE = 'Exceeded maximum execution time';

/** Apps Script's way of writing the scopes a member needs. */
export function requiredPermissions(scopes: readonly string[]): string {
  return scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
}

/** `drive.files.create` for `Drive` / `Files.create`, as the API call's error message names it. */
function restMethod(service: string, member: string): string {
  const [cls, name] = member.split('.');
  const method = name === 'remove' ? 'delete' : name;
  return `${service.toLowerCase()}.${cls.charAt(0).toLowerCase()}${cls.slice(1)}.${method}`;
}

export interface ExecutionState {
  user: string;
  authMode: AuthModeName;
  budgetMs: number;
}

export class Execution implements CallGate {
  private state: ExecutionState | null = null;
  private spentMs = 0;
  private killed: Error | null = null;

  constructor(
    private readonly realm: Realm,
    private readonly manifest: Manifest,
    private readonly faults: Faults,
  ) {}

  /** The user of the execution under way (or the last one). */
  user = '';

  get authMode(): AuthModeName {
    return this.state?.authMode ?? 'FULL';
  }

  get active(): boolean {
    return this.state !== null;
  }

  /** Modelled milliseconds the current (or last) execution has spent. */
  get elapsedMs(): number {
    return this.spentMs;
  }

  begin(state: ExecutionState): void {
    this.state = state;
    this.user = state.user;
    this.spentMs = 0;
    this.killed = null;
  }

  /** Ends the execution; returns the timeout that killed it, if any. */
  end(): Error | null {
    this.state = null;
    return this.killed;
  }

  enter(service: string, member: string): void {
    const state = this.state;
    // Outside an execution (a test inspecting the spreadsheet) nothing is gated.
    if (!state) return;
    if (this.killed) throw this.killed;
    const entry = memberScopes(service, member);
    if (!entry) {
      throw realmError(
        this.realm,
        `Local runtime: ${service} ${member} has no entry in the scope table (src/local/services/scopes.ts): ` +
          'either Apps Script has no such member, or the emulation must declare its scopes.',
      );
    }
    this.checkManifest(entry, member);
    this.checkMode(entry, state.authMode);
    const fault = this.faults.beforeCall(service, member, restMethod(service, member));
    if (fault) throw fault;
    const failure = this.faults.callFault(service, member);
    if (failure?.kind === 'timeout') {
      this.killed = this.exception(TIMEOUT_MESSAGE);
      throw this.killed;
    }
    if (failure) throw this.exception(failure.message);
    if (service === 'DocumentApp' && member === 'Document.getAs' && this.faults.pdfExportFails())
      throw this.exception(SERVER_ERROR);
    this.spend(modelledCostMs(service, member));
  }

  spend(ms: number): void {
    const state = this.state;
    if (!state || this.killed) return;
    this.spentMs += Math.max(0, ms);
    if (this.spentMs > state.budgetMs) {
      this.killed = this.exception(TIMEOUT_MESSAGE);
      throw this.killed;
    }
  }

  private checkManifest(entry: MemberScopes, member: string): void {
    const granted = this.manifest.oauthScopes;
    if (!granted || entry.scopes.length === 0) return;
    if (entry.scopes.some((s) => granted.includes(s))) return;
    if (entry.service.kind === 'advanced') {
      throw new GoogleJsonResponseException(
        restMethod(entry.service.service, member),
        403,
        'Request had insufficient authentication scopes.',
        'insufficientPermissions',
      );
    }
    throw this.exception(
      `Specified permissions are not sufficient to call ${entry.name}. Required permissions: ${requiredPermissions(entry.scopes)}`,
    );
  }

  private checkMode(entry: MemberScopes, mode: AuthModeName): void {
    const allowed =
      mode === 'FULL' ||
      entry.access === 'anonymous' ||
      (mode === 'LIMITED' && entry.access === 'limited');
    if (allowed) return;
    const required = entry.scopes.length
      ? ` Required permissions: ${requiredPermissions(entry.scopes)}`
      : '';
    throw this.exception(`You do not have permission to call ${entry.name}.${required}`);
  }

  /** Apps Script's service errors: an Error of the script's realm named "Exception". */
  private exception(message: string): Error {
    const err = realmError(this.realm, message);
    err.name = 'Exception';
    return err;
  }
}
