// Consistency of free text typed by staff (warnings): invisible characters and stray spaces,
// other offices and other kinds of office named, mixed digits, พ.ศ. spacing, references that
// lost their letter. Generated text cannot have these problems; typed text gets told.
import { hasArabicDigits, hasThaiDigits, toArabicDigits } from '../thai/digits';
import { detectNormalization, type NormalizationChange } from '../thai/normalize';
import {
  findForeignOrganisations,
  findOtherKindTerms,
  fullOrganisationName,
  type Organisation,
} from '../thai/organisation';
import { cellText } from '../workbook/cells';
import type { GeneralKey } from '../workbook/contract';
import { cellAt, dataRows, valueAt, type LocatedTab } from '../workbook/tabs';
import { listThai } from './describe';
import { makeFinding, type Finding } from './finding';

const INVISIBLE: Readonly<Partial<Record<NormalizationChange, string>>> = {
  'zero-width': 'อักขระที่มองไม่เห็น (zero-width)',
  'unusual-space': 'ช่องว่างพิเศษ (no-break space หรือแท็บ)',
  'not-nfc': 'สระหรือวรรณยุกต์ที่เรียงรหัสไม่มาตรฐาน',
};
const SPACES: Readonly<Partial<Record<NormalizationChange, string>>> = {
  'surrounding-spaces': 'ช่องว่างหน้าหรือท้ายข้อความ',
  'repeated-spaces': 'ช่องว่างซ้อนกันหลายตัว',
};

/** Invisible characters and stray spaces in one cell: at most one finding of each rule. */
export function checkNormalization(sheet: string, cell: string, raw: string): Finding[] {
  const changes = detectNormalization(raw);
  const findings: Finding[] = [];
  const invisible = changes.map((c) => INVISIBLE[c]).filter((d): d is string => !!d);
  if (invisible.length > 0) {
    findings.push(
      makeFinding(
        'text-invisible-characters',
        sheet,
        cell,
        `เซลล์นี้มี${listThai(invisible)} ซึ่งมักติดมาจากการคัดลอกข้อความ ระบบจะตัดออกเมื่อสร้างเอกสาร แต่เพื่อให้ค้นหาและเปรียบเทียบได้ถูกต้อง กรุณาพิมพ์ข้อความในเซลล์นี้ใหม่`,
      ),
    );
  }
  const spaces = changes.map((c) => SPACES[c]).filter((d): d is string => !!d);
  if (spaces.length > 0) {
    findings.push(
      makeFinding(
        'text-extra-spaces',
        sheet,
        cell,
        `เซลล์นี้มี${listThai(spaces)} ระบบจะตัดออกเมื่อสร้างเอกสาร กรุณาลบช่องว่างที่เกินออก`,
      ),
    );
  }
  return findings;
}

// Tokens whose digits are not running text: URLs, e-mail addresses, domains and codes (i4,
// EIT1.6). Checked token by token (split at spaces), which keeps the scan linear on any cell.
const NOT_RUNNING_TEXT = [
  /^(?:https?:\/\/|www\.)/i,
  /^[^@]+@[^@]+$/,
  /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:th|com|net|org)(?:\/.*)?$/i,
  /^[A-Za-z]+\.?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*$/,
];
const EDGE_PUNCTUATION = /^[("“‘'[]+|[)"”’'\],;:.]+$/g;

function mixedDigits(text: string): { thai: string; arabic: string } | null {
  if (!hasThaiDigits(text) || !hasArabicDigits(text)) return null;
  const running = text
    .split(/\s+/)
    .filter((token) => {
      const bare = token.replace(EDGE_PUNCTUATION, '');
      return !NOT_RUNNING_TEXT.some((re) => re.test(bare));
    })
    .join(' ');
  if (!hasThaiDigits(running) || !hasArabicDigits(running)) return null;
  return {
    thai: (/[๐-๙]+(?:[.,][๐-๙]+)*/.exec(running) as RegExpExecArray)[0],
    arabic: (/[0-9]+(?:[.,][0-9]+)*/.exec(running) as RegExpExecArray)[0],
  };
}

function beSpacing(text: string): { found: string; fix: string }[] {
  const found: { found: string; fix: string }[] = [];
  const re = /(\S?)พ\.\s?ศ\.(\S*)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const before = m[1] !== '' && m[1] !== '(';
    const after = /^[0-9๐-๙]/.test(m[2]);
    if (!before && !after) continue;
    const word = /[\u0e00-\u0e7f]*$/.exec(text.slice(0, m.index + m[1].length))?.[0] ?? '';
    const digits = /^[0-9๐-๙]+/.exec(m[2])?.[0] ?? '';
    const shown = `${word}พ.ศ.${digits}`;
    const fix = `${word}${before ? ' ' : ''}พ.ศ.${after ? ' ' : ''}${digits}`;
    if (!found.some((f) => f.found === shown)) found.push({ found: shown, fix });
  }
  return found;
}

// "(อ้างอิงจาก ๐๘)": a reference to an OIT item whose o became ๐ (or was lost).
function garbledReferences(text: string): { found: string; suggestion: string | null }[] {
  const found: { found: string; suggestion: string | null }[] = [];
  const re = /อ้างอิงจาก\s*([0-9๐-๙]+)(?![0-9๐-๙.,])/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const reference = m[0];
    const digits = toArabicDigits(m[1]);
    const suggestion = /^0[1-9]\d?$/.test(digits) ? `o${Number(digits.slice(1))}` : null;
    if (!found.some((f) => f.found === reference)) found.push({ found: reference, suggestion });
  }
  return found;
}

/** Content checks on one free-text cell. */
export function checkFreeText(
  sheet: string,
  cell: string,
  text: string,
  org: Organisation | null,
): Finding[] {
  const findings: Finding[] = [];
  if (org) {
    const own = fullOrganisationName(org);
    const foreign = findForeignOrganisations(text, org);
    if (foreign.length > 0) {
      findings.push(
        makeFinding(
          'text-foreign-organisation',
          sheet,
          cell,
          `ข้อความกล่าวถึง ${listThai(foreign.map((f) => `“${f}”`))} ซึ่งไม่ใช่หน่วยงานนี้ (“${own}”) หากพิมพ์ผิดหรือคัดลอกมาจากเอกสารของหน่วยงานอื่น กรุณาแก้เป็น “${own}”`,
        ),
      );
    }
    const terms = findOtherKindTerms(text, org.kind.family);
    if (terms.length > 0) {
      findings.push(
        makeFinding(
          'text-other-kind-term',
          sheet,
          cell,
          `ข้อความใช้คำ ${listThai(terms.map((t) => `“${t.found}”`))} ซึ่งเป็นของหน่วยงานประเภทอื่น หน่วยงานนี้เป็น${org.kind.prefix} กรุณาแก้เป็น ${listThai(terms.map((t) => `“${t.suggestion}”`))}`,
        ),
      );
    }
  }
  const mixed = mixedDigits(text);
  if (mixed) {
    findings.push(
      makeFinding(
        'text-mixed-digits',
        sheet,
        cell,
        `เซลล์นี้ใช้ทั้งเลขไทยและเลขอารบิก (เช่น “${mixed.thai}” และ “${mixed.arabic}”) กรุณาใช้เลขแบบเดียวกันทั้งเซลล์ (รหัสข้อ อีเมล และที่อยู่เว็บไซต์ใช้เลขอารบิกได้)`,
      ),
    );
  }
  const spacing = beSpacing(text);
  if (spacing.length > 0) {
    findings.push(
      makeFinding(
        'text-be-spacing',
        sheet,
        cell,
        `${listThai(spacing.map((s) => `“${s.found}”`))} ควรเว้นวรรคก่อนและหลัง “พ.ศ.” เป็น ${listThai(spacing.map((s) => `“${s.fix}”`))}`,
      ),
    );
  }
  const refs = garbledReferences(text);
  if (refs.length > 0) {
    const shown = refs.map((r) =>
      r.suggestion ? `“${r.found}” (น่าจะเป็น ${r.suggestion})` : `“${r.found}”`,
    );
    findings.push(
      makeFinding(
        'text-garbled-reference',
        sheet,
        cell,
        `${listThai(shown)} ดูเหมือนรหัสข้อที่ตัวอักษรนำหน้าหายไป (เช่น o กลายเป็น ๐) กรุณาตรวจกับรายงานผลการประเมินแล้วพิมพ์รหัสพร้อมตัวอักษร เช่น “อ้างอิงจาก o8”`,
      ),
    );
  }
  return findings;
}

/** Columns whose cells are running text, per tab (the others hold codes, numbers, e-mails). */
const FREE_TEXT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  signatories: ['rank', 'name', 'position', 'actingFor'],
  scores: ['name'],
  recommendations: ['text'],
  measures: ['activity', 'method', 'responsible', 'period', 'summary', 'result'],
};
/** In ข้อมูลทั่วไป, the labels whose values are running text. */
export const FREE_TEXT_LABELS: readonly GeneralKey[] = [
  'organisation',
  'district',
  'province',
  'unit',
  'subject',
  'addressee',
];

/**
 * Text checks on every data cell of a tab's contract columns: normalisation on all string
 * cells; content checks on free-text columns (or, for ข้อมูลทั่วไป, on the given value cells).
 */
export function checkTabText(
  tab: LocatedTab,
  org: Organisation | null,
  freeTextCells?: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  const freeColumns = FREE_TEXT_COLUMNS[tab.spec.key] ?? [];
  for (const row of dataRows(tab)) {
    for (const column of tab.spec.columns) {
      if (tab.spec.key === 'general' && column.key === 'label') continue; // matched leniently
      const cell = cellAt(tab, row.row, column.key);
      const raw = valueAt(tab, row, column.key);
      if (cell === null || typeof raw !== 'string') continue;
      findings.push(...checkNormalization(tab.sheet, cell, raw));
      const free = freeTextCells ? freeTextCells.has(cell) : freeColumns.indexOf(column.key) >= 0;
      const text = cellText(raw);
      if (free && text !== null) findings.push(...checkFreeText(tab.sheet, cell, text, org));
    }
  }
  return findings;
}
