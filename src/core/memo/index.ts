/**
 * The memo's content from the workbook: the placeholder values and the schema a template is
 * checked against, for the assessment year of the sheet.
 */
import { assessScores } from '../ita/assess';
import { itaRulesFor } from '../ita/registry';
import type { ItaRules } from '../ita/types';
import type { Field, Scope } from '../template/schema';
import { keyed } from '../template/schema';
import { scoreValues } from '../workbook/reader';
import type { WorkbookData } from '../workbook/types';
import { memoSchema, memoValues, type GarudaImage } from './fields';

export { memoSchema, GARUDA_HEIGHT_CM, type GarudaImage } from './fields';
export { builtinTemplate, MEASURE_COLUMNS, MEASURE_KEYS } from './builtin-template';

export interface MemoContent {
  rules: ItaRules;
  schema: Field[];
  /** Keyed for the template filler (see template/schema.keyed). */
  values: Scope;
}

export function memoContent(
  data: WorkbookData,
  assets: { garuda?: GarudaImage | null } = {},
): MemoContent {
  const rules = itaRulesFor(data.general.fiscalYear.value);
  const assessment = assessScores(rules, scoreValues(data.scores));
  const digits = data.general.useThaiDigits.value ? 'thai' : 'arabic';
  return {
    rules,
    schema: memoSchema(rules),
    values: keyed(memoValues({ data, assessment, digits, garuda: assets.garuda ?? null })),
  };
}
