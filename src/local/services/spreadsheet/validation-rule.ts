import type { DataValidation as ExcelValidation } from 'exceljs';
import { quoteSheetName, rangeA1, splitSheet, parseRef, type GridRange } from './a1';
import { fromSheetsDate, toSheetsDate } from './dates';

/**
 * A data validation rule as the model stores it, and its xlsx form.
 *
 * xlsx can say "list", "whole/decimal/date with an operator" and "custom formula"; Sheets' other
 * criteria are written as custom formulas that read back to the same criteria, and a checkbox is
 * written as the list TRUE,FALSE (Excel has no checkbox).
 */

export const CRITERIA = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const;

export type CriteriaName = (typeof CRITERIA)[number];

/** A range reference inside a rule (VALUE_IN_RANGE), by sheet name. */
export interface RangeRef {
  sheet: string;
  range: GridRange;
}

export interface ValidationRule {
  criteria: CriteriaName;
  /**
   * As getCriteriaValues returns them: numbers, Dates, strings; VALUE_IN_LIST is
   * [string[], showDropdown]; VALUE_IN_RANGE is [RangeRef, showDropdown].
   */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

const OPERATORS: Partial<Record<CriteriaName, ExcelValidation['operator']>> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  DATE_BETWEEN: 'between',
  DATE_NOT_BETWEEN: 'notBetween',
  DATE_EQUAL_TO: 'equal',
  DATE_AFTER: 'greaterThan',
  DATE_ON_OR_AFTER: 'greaterThanOrEqual',
  DATE_BEFORE: 'lessThan',
  DATE_ON_OR_BEFORE: 'lessThanOrEqual',
};

/** The cell being validated, whatever cell the rule sits on (so equal rules merge into one range). */
const SELF = 'INDIRECT("RC",FALSE)';
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const TEXT_FORMULAS: Partial<Record<CriteriaName, (arg: string) => string>> = {
  TEXT_IS_VALID_EMAIL: () => `ISNUMBER(MATCH("*@*.?*",${SELF},0))`,
  TEXT_IS_VALID_URL: () => `ISNUMBER(SEARCH("://",${SELF}))`,
  TEXT_CONTAINS: (a) => `ISNUMBER(SEARCH(${quote(a)},${SELF}))`,
  TEXT_DOES_NOT_CONTAIN: (a) => `ISERROR(SEARCH(${quote(a)},${SELF}))`,
  TEXT_EQUAL_TO: (a) => `EXACT(${SELF},${quote(a)})`,
};

/** The earliest date Excel stores; "is a valid date" is written as "on or after" it. */
const VALID_DATE_FLOOR = new Date(Date.UTC(1900, 0, 1));

function listLiteral(items: string[]): string {
  return `"${items.join(',')}"`;
}

export function ruleToExcel(rule: ValidationRule, timeZone: string): ExcelValidation {
  const base = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
    errorStyle: 'stop',
    ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText } : {}),
  } as Partial<ExcelValidation>;
  const v = rule.values;
  const c = rule.criteria;
  let specific: Partial<ExcelValidation>;
  if (c === 'VALUE_IN_LIST')
    specific = { type: 'list', formulae: [listLiteral((v[0] as string[]).map(String))] };
  else if (c === 'VALUE_IN_RANGE') {
    const ref = v[0] as RangeRef;
    const a1 = rangeA1(ref.range).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    specific = { type: 'list', formulae: [`${quoteSheetName(ref.sheet)}!${a1}`] };
  } else if (c === 'CHECKBOX') {
    const items = v.length > 0 ? [String(v[0]), String(v[1] ?? '')] : ['TRUE', 'FALSE'];
    specific = { type: 'list', formulae: [listLiteral(items)] };
  } else if (c === 'CUSTOM_FORMULA')
    specific = { type: 'custom', formulae: [String(v[0]).replace(/^=/, '')] };
  else if (c === 'DATE_IS_VALID_DATE') {
    specific = { type: 'date', operator: 'greaterThanOrEqual', formulae: [VALID_DATE_FLOOR] };
  } else if (c.startsWith('DATE_')) {
    specific = {
      type: 'date',
      operator: OPERATORS[c],
      formulae: v.map((d) => toSheetsDate(d as Date, timeZone)),
    };
  } else if (c.startsWith('NUMBER_'))
    specific = { type: 'decimal', operator: OPERATORS[c], formulae: v as number[] };
  else specific = { type: 'custom', formulae: [TEXT_FORMULAS[c]!(String(v[0] ?? ''))] };
  return { ...base, ...specific } as ExcelValidation;
}

function splitList(literal: string): string[] {
  return literal.replace(/^"|"$/g, '').split(',');
}

function operatorCriteria(
  type: 'DATE' | 'NUMBER',
  op: string | undefined,
): CriteriaName | undefined {
  const entry = Object.entries(OPERATORS).find(
    ([name, o]) => name.startsWith(`${type}_`) && o === (op ?? 'between'),
  );
  return entry?.[0] as CriteriaName | undefined;
}

function textCriteria(formula: string): { criteria: CriteriaName; values: unknown[] } | undefined {
  for (const [name, make] of Object.entries(TEXT_FORMULAS)) {
    const pattern = make!('\u0000')
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace('\u0000', '((?:[^"]|"")*)');
    const m = new RegExp(`^${pattern}$`).exec(formula);
    if (m)
      return {
        criteria: name as CriteriaName,
        values: m[1] === undefined ? [] : [m[1].replace(/""/g, '"')],
      };
  }
  return undefined;
}

/** Reads an xlsx rule back; rules Sheets cannot express (textLength, time) become null. */
export function ruleFromExcel(dv: ExcelValidation, timeZone: string): ValidationRule | null {
  const allowInvalid =
    !dv.showErrorMessage || (dv.errorStyle !== undefined && dv.errorStyle !== 'stop');
  const helpText = dv.prompt ? String(dv.prompt) : null;
  const f = (dv.formulae ?? []) as unknown[];
  const rule = (criteria: CriteriaName, values: unknown[]): ValidationRule => ({
    criteria,
    values,
    allowInvalid,
    helpText,
  });
  switch (dv.type) {
    case 'list': {
      const formula = String(f[0] ?? '');
      if (formula.startsWith('"')) {
        const items = splitList(formula);
        if (
          items.length === 2 &&
          items[0].toUpperCase() === 'TRUE' &&
          items[1].toUpperCase() === 'FALSE'
        ) {
          return rule('CHECKBOX', []);
        }
        return rule('VALUE_IN_LIST', [items, true]);
      }
      const parts = splitSheet(formula.replace(/\$/g, ''));
      const range = parts && parseRef(parts.ref, 1_000_000, 18_278);
      if (!parts?.sheetName || !range) return null;
      return rule('VALUE_IN_RANGE', [{ sheet: parts.sheetName, range } satisfies RangeRef, true]);
    }
    case 'whole':
    case 'decimal': {
      const c = operatorCriteria('NUMBER', dv.operator);
      return c ? rule(c, f.map(Number)) : null;
    }
    case 'date': {
      const dates = f.map((d) => (d instanceof Date ? d : new Date(String(d))));
      if (
        dv.operator === 'greaterThanOrEqual' &&
        dates[0]?.getTime() === VALID_DATE_FLOOR.getTime()
      ) {
        return rule('DATE_IS_VALID_DATE', []);
      }
      const c = operatorCriteria('DATE', dv.operator);
      return c
        ? rule(
            c,
            dates.map((d) => fromSheetsDate(d, timeZone)),
          )
        : null;
    }
    case 'custom': {
      const formula = String(f[0] ?? '');
      const text = textCriteria(formula);
      return text ? rule(text.criteria, text.values) : rule('CUSTOM_FORMULA', [`=${formula}`]);
    }
    default:
      return null;
  }
}
