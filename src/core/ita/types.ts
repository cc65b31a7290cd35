// The shape of one assessment year's rules. A year is data (see rules-2568.ts); code that
// computes or checks scores reads it and never names a tool, indicator or threshold itself.

/** Question or item codes: prefix + number, from–to inclusive (i4–i6). */
export interface QuestionRange {
  readonly prefix: string;
  readonly from: number;
  readonly to: number;
}

export interface IndicatorRule {
  /** 1–10 in 2568: numbered across all tools. */
  readonly number: number;
  /** The canonical name the memo prints, whatever the sheet's รายการ says. */
  readonly name: string;
  /** The indicator's own question codes; null when the year's split is not known. */
  readonly questions: QuestionRange | null;
}

/** What is scored on its own and gets recommendations: a tool without parts, or a part. */
export interface UnitRule {
  /** Its score code and the ส่วน of recommendations: IIT, EIT1, EIT2, OIT. */
  readonly id: string;
  readonly toolId: string;
  /** As the score sheet lists it. */
  readonly name: string;
  /** For running text: IIT, EIT ส่วนที่ ๑ … */
  readonly shortName: string;
  readonly indicators: readonly number[];
  /** Every question code of the unit. */
  readonly questions: QuestionRange;
}

export interface ToolRule {
  readonly id: string;
  readonly name: string;
  /** Weight in the overall score, in percent (integers, summing to 100). */
  readonly weightPercent: number;
  /** Unit ids of its parts, whose mean is the tool's score; null: the tool is itself a unit. */
  readonly parts: readonly string[] | null;
}

/** A result level; the first level whose conditions hold applies. */
export interface LevelRule {
  readonly name: string;
  /** Overall score at least this; null: no condition. */
  readonly minOverall: number | null;
  /** Every unit (IIT, EIT1, EIT2, OIT) at least this; null: no condition. */
  readonly minEveryUnit: number | null;
}

export interface ItaRules {
  /** The assessment (fiscal) year, BE. */
  readonly year: number;
  readonly overall: { readonly code: string; readonly name: string };
  readonly tools: readonly ToolRule[];
  readonly units: readonly UnitRule[];
  readonly indicators: readonly IndicatorRule[];
  readonly levels: readonly LevelRule[];
  /** A unit passes, and an indicator is "maintained", at this score or above. */
  readonly passMark: number;
}
