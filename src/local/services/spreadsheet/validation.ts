import { tracked } from '../calls';
import { isDate, realmArray, realmDate } from '../../load-bundle';
import { fail, type SheetsContext } from './context';
import { Range, isRange } from './range';
import { CRITERIA, type CriteriaName, type RangeRef, type ValidationRule } from './validation-rule';

type DV = GoogleAppsScript.Spreadsheet.DataValidation;
type DVB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/** SpreadsheetApp.DataValidationCriteria: values are the names, as their String() is in Apps Script. */
export const DataValidationCriteria = Object.fromEntries(CRITERIA.map((c) => [c, c])) as Record<
  CriteriaName,
  CriteriaName
>;

/** Criteria values as the caller's realm sees them (Dates, arrays, a Range for VALUE_IN_RANGE). */
function exportValues(ctx: SheetsContext, rule: ValidationRule): unknown[] {
  const out = rule.values.map((v, i) => {
    if (v instanceof Date) return realmDate(ctx.realm, v);
    if (Array.isArray(v)) return realmArray(ctx.realm, v);
    if (rule.criteria === 'VALUE_IN_RANGE' && i === 0) {
      const ref = v as RangeRef;
      const sheet = ctx.book.sheetByName(ref.sheet);
      return sheet ? new Range(ctx, sheet, { ...ref.range }) : null;
    }
    return v;
  });
  return realmArray(ctx.realm, out);
}

/** A built rule: immutable, as in Apps Script (change it through copy()). */
export class DataValidation implements Pick<
  DV,
  'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly rule: ValidationRule,
  ) {
    return tracked(this, ctx.log, 'SpreadsheetApp', 'DataValidation');
  }

  _rule(): ValidationRule {
    return this.rule;
  }

  copy(): DVB {
    return new DataValidationBuilder(this.ctx, structuredClone(this.rule)) as never;
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.rule.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    return exportValues(this.ctx, this.rule);
  }

  getHelpText(): string {
    return this.rule.helpText as string;
  }
}

export function isDataValidation(value: unknown): value is DataValidation {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as DataValidation)._rule === 'function'
  );
}

type Methods =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateEqualTo'
  | 'requireDateNotBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberNotBetween'
  | 'requireNumberNotEqualTo'
  | 'requireTextContains'
  | 'requireTextDoesNotContain'
  | 'requireTextEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange';

/** SpreadsheetApp.newDataValidation(). New rules allow invalid data (with a warning), as in Sheets. */
export class DataValidationBuilder implements Pick<DVB, Methods> {
  private rule: ValidationRule;

  constructor(
    private readonly ctx: SheetsContext,
    rule?: ValidationRule,
  ) {
    this.rule = rule ?? {
      criteria: undefined as unknown as CriteriaName,
      values: [],
      allowInvalid: true,
      helpText: null,
    };
    return tracked(this, ctx.log, 'SpreadsheetApp', 'DataValidationBuilder');
  }

  build(): DV {
    if (!this.rule.criteria)
      fail(this.ctx, 'A data validation rule needs criteria: call a require…() method first.');
    return new DataValidation(this.ctx, structuredClone(this.rule)) as never;
  }

  copy(): DVB {
    return new DataValidationBuilder(this.ctx, structuredClone(this.rule)) as never;
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.rule.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    return exportValues(this.ctx, this.rule);
  }

  getHelpText(): string | null {
    return this.rule.helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): DVB {
    this.rule.allowInvalid = Boolean(allowInvalidData);
    return this as never;
  }

  setHelpText(helpText: string): DVB {
    this.rule.helpText = helpText === null || helpText === undefined ? null : String(helpText);
    return this as never;
  }

  withCriteria(
    criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    args: unknown[],
  ): DVB {
    const name = String(criteria) as CriteriaName;
    if (!CRITERIA.includes(name))
      fail(this.ctx, `Invalid argument: criteria (${String(criteria)})`);
    return this.set(
      name,
      name === 'VALUE_IN_RANGE' ? [this.rangeRef(args[0]), args[1] ?? true] : [...args],
    );
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DVB {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this.set('CHECKBOX', values);
  }

  requireDate(): DVB {
    return this.set('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: GoogleAppsScript.Base.Date): DVB {
    return this.set('DATE_AFTER', [date]);
  }

  requireDateBefore(date: GoogleAppsScript.Base.Date): DVB {
    return this.set('DATE_BEFORE', [date]);
  }

  requireDateBetween(start: GoogleAppsScript.Base.Date, end: GoogleAppsScript.Base.Date): DVB {
    return this.set('DATE_BETWEEN', [start, end]);
  }

  requireDateEqualTo(date: GoogleAppsScript.Base.Date): DVB {
    return this.set('DATE_EQUAL_TO', [date]);
  }

  requireDateNotBetween(start: GoogleAppsScript.Base.Date, end: GoogleAppsScript.Base.Date): DVB {
    return this.set('DATE_NOT_BETWEEN', [start, end]);
  }

  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): DVB {
    return this.set('DATE_ON_OR_AFTER', [date]);
  }

  requireDateOnOrBefore(date: GoogleAppsScript.Base.Date): DVB {
    return this.set('DATE_ON_OR_BEFORE', [date]);
  }

  requireFormulaSatisfied(formula: string): DVB {
    return this.set('CUSTOM_FORMULA', [String(formula)]);
  }

  requireNumberBetween(start: number, end: number): DVB {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberEqualTo(number: number): DVB {
    return this.set('NUMBER_EQUAL_TO', [number]);
  }

  requireNumberGreaterThan(number: number): DVB {
    return this.set('NUMBER_GREATER_THAN', [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): DVB {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  requireNumberLessThan(number: number): DVB {
    return this.set('NUMBER_LESS_THAN', [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): DVB {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  requireNumberNotBetween(start: number, end: number): DVB {
    return this.set('NUMBER_NOT_BETWEEN', [start, end]);
  }

  requireNumberNotEqualTo(number: number): DVB {
    return this.set('NUMBER_NOT_EQUAL_TO', [number]);
  }

  requireTextContains(text: string): DVB {
    return this.set('TEXT_CONTAINS', [String(text)]);
  }

  requireTextDoesNotContain(text: string): DVB {
    return this.set('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }

  requireTextEqualTo(text: string): DVB {
    return this.set('TEXT_EQUAL_TO', [String(text)]);
  }

  requireTextIsEmail(): DVB {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): DVB {
    return this.set('TEXT_IS_VALID_URL', []);
  }

  requireValueInList(values: string[], showDropdown = true): DVB {
    if (!Array.isArray(values)) fail(this.ctx, 'Invalid argument: values');
    return this.set('VALUE_IN_LIST', [values.map(String), Boolean(showDropdown)]);
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): DVB {
    return this.set('VALUE_IN_RANGE', [this.rangeRef(range), Boolean(showDropdown)]);
  }

  private rangeRef(range: unknown): RangeRef {
    if (!isRange(range)) fail(this.ctx, 'Invalid argument: range');
    return { sheet: range._sheetData().name, range: { ...range._grid() } };
  }

  /** Numbers and dates are checked the way Apps Script's signatures would reject them. */
  private set(criteria: CriteriaName, values: unknown[]): DVB {
    const stored = values.map((v) => {
      if (criteria.startsWith('DATE_')) {
        if (!isDate(v)) fail(this.ctx, `Invalid argument: ${criteria} needs dates`);
        return new Date(v.getTime());
      }
      if (criteria.startsWith('NUMBER_')) {
        if (typeof v !== 'number' || Number.isNaN(v))
          fail(this.ctx, `Invalid argument: ${criteria} needs numbers`);
      }
      return v;
    });
    this.rule = { ...this.rule, criteria, values: stored };
    return this as never;
  }
}
