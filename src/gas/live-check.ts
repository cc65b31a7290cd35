/**
 * Checking as staff type: on an edit, only the edited tab is read and checked, and its findings
 * are shown on their cells. A simple trigger has 30 seconds and no authorised services; this
 * reads one tab and writes at most notes and backgrounds, once each.
 */
import { validateWorkbook, type Finding } from '../core/validation';
import { readGeneral } from '../core/workbook/reader';
import { GENERAL_TAB, LOG_TAB } from '../core/workbook/contract';
import { markFindings } from './marks';
import { contractName, readTab, utcOffsetMinutes } from './sheets';
import type { TabValues } from '../core/workbook/cells';
import { cacheContext, cachedContext } from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function checkEditedSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): Finding[] {
  const name = sheet.getName();
  const contract = contractName(name);
  if (!contract || contract === LOG_TAB.name) return [];
  const { values, outside, merged } = readTab(sheet);
  const tabs = { [name]: values };
  const options = { utcOffsetMinutes: utcOffsetMinutes(sheet.getParent()) };
  if (contract === GENERAL_TAB.name) cacheContext(readGeneral(tabs, options).data);
  const findings = validateWorkbook(tabs, {
    ...options,
    only: name,
    context: cachedContext(),
    outside: outside ? [{ sheet: name, cell: outside }] : [],
    merged: { [name]: merged },
  }).filter((f) => f.sheet === name);
  markFindings(sheet, values, findings);
  return findings;
}

/** After a full check: every tab's cells show its findings (one read of notes and fills per tab). */
export function markAllTabs(ss: Spreadsheet, findings: Finding[], tabs: TabValues): void {
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    const contract = contractName(name);
    if (!contract || contract === LOG_TAB.name || !tabs[name]) continue;
    markFindings(
      sheet,
      tabs[name],
      findings.filter((f) => f.sheet === name),
    );
  }
}
