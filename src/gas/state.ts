/**
 * What the add-on remembers. What is the office's goes to document properties, shared by everyone
 * who uses the sheet, and is never overwritten because another person cannot reach it: the
 * office's folder and who made it, the office's template and who made it, the last memo, and the
 * context live checks need from ข้อมูลทั่วไป. What is one person's goes to user properties: the
 * folder the add-on made for that person when they could not reach the office's. The deployment's
 * settings (Google Picker's API key and Cloud project number) are script properties.
 * https://developers.google.com/apps-script/guides/properties
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
  template: 'itamemo.template',
  last: 'itamemo.lastRun',
  context: 'itamemo.context',
  myFolder: 'itamemo.myFolder',
  /** + the fiscal year: ลิงก์เผยแพร่ as it was when that year ended (the undo puts it back). */
  publishedLink: 'itamemo.publishedLink.',
  filledText: 'itamemo.filledText',
  approvedText: 'itamemo.approvedText',
  pickerKey: 'ITAMEMO_PICKER_API_KEY',
  pickerProject: 'ITAMEMO_CLOUD_PROJECT_NUMBER',
} as const;

/** A Drive item the add-on made, and for whom (its drive.file grant is that person's). */
export interface Made {
  id: string;
  /** The e-mail of the person the add-on made it for ('' when Google did not reveal it). */
  by: string;
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function readJson<T>(store: GoogleAppsScript.Properties.Properties, key: string): T | null {
  const raw = store.getProperty(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** The office's folder. Older versions stored the bare id. */
export function officeFolder(): Made | null {
  const raw = props().getProperty(KEYS.folder);
  if (!raw) return null;
  if (!raw.startsWith('{')) return { id: raw, by: '' };
  return readJson<Made>(props(), KEYS.folder);
}

export function rememberOfficeFolder(made: Made): void {
  props().setProperty(KEYS.folder, JSON.stringify(made));
}

/** The folder the add-on made for this user alone (when the office's is out of their reach). */
export function myFolder(): string | null {
  return PropertiesService.getUserProperties().getProperty(KEYS.myFolder);
}

export function rememberMyFolder(id: string): void {
  PropertiesService.getUserProperties().setProperty(KEYS.myFolder, id);
}

/** The template "สร้างแม่แบบมาตรฐาน" made, and for whom. */
export function officeTemplate(): Made | null {
  return readJson<Made>(props(), KEYS.template);
}

export function rememberOfficeTemplate(made: Made): void {
  props().setProperty(KEYS.template, JSON.stringify(made));
}

export function lastRun(): GeneratedLinks | null {
  return readJson<GeneratedLinks>(props(), KEYS.last);
}

/** Each note kept for the sidebar, at most this long: the whole record stays far below 9 KB. */
const MAX_REMEMBERED_NOTE = 400;
const MAX_REMEMBERED_NOTES = 8;

/** The run for the sidebar, and what the memo's Doc says now (one property write for both). */
export function rememberLastRun(links: GeneratedLinks, filled?: MemoText): void {
  const cut = (t: string) =>
    t.length > MAX_REMEMBERED_NOTE ? `${t.slice(0, MAX_REMEMBERED_NOTE - 1)}…` : t;
  const kept: GeneratedLinks = {
    ...links,
    notes: links.notes?.slice(0, MAX_REMEMBERED_NOTES).map(cut),
  };
  if (links.sharing)
    kept.sharing = {
      shared: links.sharing.shared.slice(0, 20),
      failed: links.sharing.failed.slice(0, 20).map((f) => ({ ...f, reason: cut(f.reason) })),
    };
  const values: Record<string, string> = { [KEYS.last]: JSON.stringify(kept) };
  if (filled) values[KEYS.filledText] = JSON.stringify(filled);
  props().setProperties(values);
}

/**
 * What the current memo's Doc said (core/docs/fingerprint.ts) when the add-on last wrote it
 * ('filled': a generate or a refill) or when the approver approved it ('approved', with the
 * approval date the add-on writes in). One record of each, for the current memo only: every
 * step acts on it alone, and the property store stays small.
 */
export interface MemoText {
  docId: string;
  text: string;
  /** The approval date (Thai) the Doc carries, or will carry once published. */
  date?: string;
}

export function memoText(kind: 'filled' | 'approved', docId: string): MemoText | null {
  const record = readJson<MemoText>(
    props(),
    kind === 'filled' ? KEYS.filledText : KEYS.approvedText,
  );
  return record && record.docId === docId && typeof record.text === 'string' ? record : null;
}

export function rememberMemoText(kind: 'filled' | 'approved', record: MemoText): void {
  props().setProperty(
    kind === 'filled' ? KEYS.filledText : KEYS.approvedText,
    JSON.stringify(record),
  );
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
  return readJson<ValidationContext>(props(), KEYS.context) ?? EMPTY_CONTEXT;
}

/** Google Picker's settings, set once by whoever deploys the add-on; null until both are set. */
export function pickerSettings(): { apiKey: string; projectNumber: string } | null {
  const script = PropertiesService.getScriptProperties();
  const apiKey = (script.getProperty(KEYS.pickerKey) ?? '').trim();
  const projectNumber = (script.getProperty(KEYS.pickerProject) ?? '').trim();
  return apiKey && /^\d+$/.test(projectNumber) ? { apiKey, projectNumber } : null;
}

export const PICKER_SETTING_NAMES = { apiKey: KEYS.pickerKey, projectNumber: KEYS.pickerProject };

/** Keeps the ลิงก์เผยแพร่ of `year`, cleared by the start of the next year, for its undo. */
export function keepPublishedLink(year: number, link: string): void {
  props().setProperty(`${KEYS.publishedLink}${year}`, link);
}

/** The ลิงก์เผยแพร่ the start of the year after `year` cleared, if any. */
export function keptPublishedLink(year: number): string | null {
  return props().getProperty(`${KEYS.publishedLink}${year}`);
}

export function forgetPublishedLink(year: number): void {
  props().deleteProperty(`${KEYS.publishedLink}${year}`);
}
