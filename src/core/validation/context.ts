// What rules of one tab need to know about the others. The Apps Script side derives it once
// from a full read, caches it (it is plain JSON) and passes it when checking one tab live.
import { isBuddhistEraYear } from '../thai/calendar';
import { parseOrganisation, type OrgKind } from '../thai/organisation';
import type { TabValues } from '../workbook/cells';
import { readGeneral, type ReadOptions } from '../workbook/reader';
import type { GeneralInfo } from '../workbook/types';

export interface ValidationContext {
  /** The office's name as typed in ข้อมูลทั่วไป, or null. */
  readonly organisation: string | null;
  /** Derived from the name; null when it cannot be told. */
  readonly organisationKind: OrgKind['id'] | null;
  /** A valid Buddhist-Era fiscal year, or null. */
  readonly fiscalYear: number | null;
}

export const EMPTY_CONTEXT: ValidationContext = {
  organisation: null,
  organisationKind: null,
  fiscalYear: null,
};

export function contextFromGeneral(general: GeneralInfo): ValidationContext {
  const organisation = general.organisation.value;
  const year = general.fiscalYear.value;
  return {
    organisation,
    organisationKind: organisation ? (parseOrganisation(organisation)?.kind.id ?? null) : null,
    fiscalYear: year !== null && isBuddhistEraYear(year) ? year : null,
  };
}

/** The context from the workbook's ข้อมูลทั่วไป tab (empty when the tab is missing). */
export function deriveContext(tabs: TabValues, options: ReadOptions = {}): ValidationContext {
  const general = readGeneral(tabs, options);
  return general.tab ? contextFromGeneral(general.data) : EMPTY_CONTEXT;
}
