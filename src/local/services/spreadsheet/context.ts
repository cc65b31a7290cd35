import type { CallLog } from '../calls';
import { realmError, type Realm } from '../../load-bundle';
import type { UiRecorder } from '../ui';
import type { WorkbookData } from './model';

/** What every spreadsheet facade needs: the data, the call log, the caller's realm, the UI. */
export interface SheetsContext {
  book: WorkbookData;
  log: CallLog;
  /** Realm of the code calling: values and errors are made in it (see load-bundle.ts). */
  realm: Realm;
  /** The user of the current execution. */
  readonly user: string;
  /** Who may edit the spreadsheet (the owner first), for Spreadsheet.getEditors. */
  editors?: () => string[];
  ui: UiRecorder;
}

/** Throws an Error of the caller's realm, so `e instanceof Error` holds in the bundle. */
export function fail(ctx: SheetsContext, message: string): never {
  throw realmError(ctx.realm, message);
}

/** Google's wording when a call's arguments do not fit any overload. */
export function badArguments(ctx: SheetsContext, member: string): never {
  fail(ctx, `The parameters don't match the method signature for SpreadsheetApp.${member}.`);
}
