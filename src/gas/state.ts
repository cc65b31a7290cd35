/**
 * What the add-on remembers per spreadsheet, in document properties: the folder it created,
 * the last memo, and the context live checks need from ข้อมูลทั่วไป (so an edit in another tab
 * reads only that tab).
 */
import {
  contextFromGeneral,
  EMPTY_CONTEXT,
  type ValidationContext,
} from '../core/validation/context';
import { MAX_NAME } from '../core/workbook/contract';
import type { GeneralInfo } from '../core/workbook/types';
import type { GeneratedLinks } from '../shared/sidebar-api';

const KEYS = {
  folder: 'itamemo.folder',
  last: 'itamemo.lastRun',
  context: 'itamemo.context',
} as const;

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function readJson<T>(key: string): T | null {
  const raw = props().getProperty(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function recallFolder(): string | null {
  return props().getProperty(KEYS.folder);
}

export function rememberFolder(id: string): void {
  props().setProperty(KEYS.folder, id);
}

export function lastRun(): GeneratedLinks | null {
  return readJson<GeneratedLinks>(KEYS.last);
}

export function rememberLastRun(links: GeneratedLinks): void {
  props().setProperty(KEYS.last, JSON.stringify(links));
}

export function cacheContext(general: GeneralInfo): ValidationContext {
  const context = bounded(contextFromGeneral(general));
  const json = JSON.stringify(context);
  if (props().getProperty(KEYS.context) !== json) props().setProperty(KEYS.context, json);
  return context;
}

/**
 * A property value holds at most 9 KB (https://developers.google.com/apps-script/guides/services/quotas):
 * an office name longer than any real one (its text-too-long finding says so) is not cached, so
 * no cell's text can make storing the context fail.
 */
function bounded(context: ValidationContext): ValidationContext {
  const name = context.organisation;
  return name !== null && name.length > MAX_NAME
    ? { ...context, organisation: null, organisationKind: null }
    : context;
}

export function cachedContext(): ValidationContext {
  return readJson<ValidationContext>(KEYS.context) ?? EMPTY_CONTEXT;
}
