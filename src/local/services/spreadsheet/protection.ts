import { tracked } from '../calls';
import { realmArray } from '../../load-bundle';
import { User } from '../session';
import { fail, type SheetsContext } from './context';
import type { ProtectionData, SheetData } from './model';
import { Range, isRange } from './range';

type P = GoogleAppsScript.Spreadsheet.Protection;

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

type Methods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getRangeName'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  const u = user as { getEmail?: () => string };
  return typeof u?.getEmail === 'function' ? u.getEmail() : String(user);
}

/**
 * A protected range or sheet. Everything is recorded on the model; nothing is enforced (the
 * local user owns the spreadsheet and so may edit everything, as its owner may in Sheets).
 */
export class Protection implements Pick<P, Methods> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly sheet: SheetData,
    private readonly data: ProtectionData,
  ) {
    return tracked(this, ctx.log, 'SpreadsheetApp', 'Protection');
  }

  _data(): ProtectionData {
    return this.data;
  }

  addEditor(user: string | GoogleAppsScript.Base.User): P {
    const email = emailOf(user);
    if (!this.data.editors.includes(email)) this.data.editors.push(email);
    return this as never;
  }

  addEditors(emailAddresses: string[]): P {
    for (const e of emailAddresses) this.addEditor(e);
    return this as never;
  }

  /** The script's user is always an editor and cannot be removed, as Google documents. */
  removeEditor(user: string | GoogleAppsScript.Base.User): P {
    const email = emailOf(user);
    this.data.editors = this.data.editors.filter((e) => e !== email);
    return this as never;
  }

  removeEditors(users: (string | GoogleAppsScript.Base.User)[]): P {
    for (const u of users) this.removeEditor(u);
    return this as never;
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    const emails = [this.ctx.user, ...this.data.editors.filter((e) => e !== this.ctx.user)];
    return realmArray(
      this.ctx.realm,
      emails.map((e) => new User(this.ctx.log, e) as unknown as GoogleAppsScript.Base.User),
    );
  }

  canEdit(): boolean {
    return true;
  }

  canDomainEdit(): boolean {
    return this.data.domainEdit;
  }

  setDomainEdit(editable: boolean): P {
    this.data.domainEdit = Boolean(editable);
    return this as never;
  }

  getDescription(): string {
    return this.data.description;
  }

  setDescription(description: string): P {
    this.data.description = String(description);
    return this as never;
  }

  isWarningOnly(): boolean {
    return this.data.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): P {
    this.data.warningOnly = Boolean(warningOnly);
    return this as never;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.data.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const g =
      this.data.type === 'SHEET'
        ? { row: 1, col: 1, numRows: this.sheet.maxRows, numCols: this.sheet.maxCols }
        : { ...this.data.range };
    return new Range(this.ctx, this.sheet, g) as never;
  }

  getRangeName(): string | null {
    return null;
  }

  setRange(range: GoogleAppsScript.Spreadsheet.Range): P {
    if (this.data.type !== 'RANGE') fail(this.ctx, 'Only a range protection can be given a range.');
    if (!isRange(range) || range._sheetData() !== this.sheet)
      fail(this.ctx, 'Invalid argument: range');
    this.data.range = { ...range._grid() };
    return this as never;
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return realmArray(
      this.ctx.realm,
      this.data.unprotected.map(
        (g) =>
          new Range(this.ctx, this.sheet, {
            ...g,
          }) as unknown as GoogleAppsScript.Spreadsheet.Range,
      ),
    );
  }

  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): P {
    if (this.data.type !== 'SHEET')
      fail(this.ctx, 'Only a sheet protection can have unprotected ranges.');
    this.data.unprotected = ranges.map((r) => {
      if (!isRange(r) || r._sheetData() !== this.sheet) fail(this.ctx, 'Invalid argument: ranges');
      return { ...r._grid() };
    });
    return this as never;
  }

  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.data);
  }
}

export function newProtection(
  type: ProtectionData['type'],
  range: ProtectionData['range'],
): ProtectionData {
  return {
    type,
    range,
    description: '',
    warningOnly: false,
    editors: [],
    domainEdit: false,
    unprotected: [],
  };
}
