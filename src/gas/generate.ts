/**
 * "สร้างบันทึกข้อความ": the validated sheet becomes the memo (a Google Doc supervisors can
 * comment on) and its PDF in Drive, and ประวัติ records the run.
 *
 * sheet → read → validate → memo content → template check → fill → save → PDF → log.
 * A new memo is a draft shared with nobody but the sheet's editors (review.ts sends it for
 * review). Nothing is left half-made: on any failure the new Doc (and PDF) go to the trash and the
 * log records the failure with its reason. "สร้างใหม่ในเอกสารเดิม" refills the current memo's Doc
 * instead (template-doc.ts refillDoc), leaving it as it was on failure.
 */
import { memoContent, builtinTemplate, MEASURE_KEYS } from '../core/memo';
import {
  checkTemplate,
  expandTemplate,
  parseTemplate,
  type TemplateProblem,
} from '../core/template';
import { withDigits } from '../core/thai/digits';
import { formatThaiDate } from '../core/thai/date-format';
import { validateWorkbook, hasErrors, type Finding } from '../core/validation';
import { parseDriveId } from '../core/workbook/drive-id';
import { readWorkbook } from '../core/workbook/reader';
import type { WorkbookData } from '../core/workbook/types';
import type { TabValues } from '../core/workbook/cells';
import type {
  CheckResult,
  FindingView,
  GenerateResult,
  GeneratedLinks,
} from '../shared/sidebar-api';
import { writeBuiltinTemplate } from './builtin-template-doc';
import { toSignedBytes } from '../core/bytes';
import { DOCX_MIME, templateFrameDocx } from '../core/memo/template-frame';
import { MEMO_STATUS, type MemoRecord } from '../core/memo/review-status';
import { LOG_ACTIONS, LOG_DONE, LOG_FAILED } from '../core/workbook/contract';
import { copyDoc, createDocFromWord, createPdf, trash, UserFacingError } from './drive';
import { underDocumentLock } from './lock';
import { appendLog, readLog, type Log } from './log';
import {
  describeGoogleFailure,
  docUrl,
  memoToActOn,
  reachableMemo,
  refreshCounts,
  settle,
} from './memo-record';
import { readContractTabs, utcOffsetMinutes } from './sheets';
import { applyPlan, readTemplate, refillDoc, type Filled } from './template-doc';
import { cacheContext, memoText, rememberLastRun, rememberOfficeTemplate } from './state';
import { getDocument } from './docs-api';
import { bodyParagraphs, describeEdits, fingerprint, handEdits } from '../core/docs/fingerprint';
import type { Document as DocsDocument } from '../core/docs/types';
import { pendingSuggestions, suggestionsRefusal } from '../core/docs/suggestions';
import { garudaStatus, loadGaruda } from './garuda';
import { activeUserEmail, destinationFolder, reachableTemplate, shareWithEditors } from './team';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function toCheckResult(findings: readonly FindingView[]): CheckResult {
  return {
    findings: findings.map((f) => ({
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      message: f.message,
    })),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

/** Reads every tab once and checks the whole workbook. */
export function checkWorkbook(ss: Spreadsheet): {
  findings: Finding[];
  data: WorkbookData;
  tabs: TabValues;
} {
  const { tabs, outside, merged, otherHeaders } = readContractTabs(ss);
  const options = { utcOffsetMinutes: utcOffsetMinutes(ss) };
  const findings = validateWorkbook(tabs, { ...options, outside, merged, otherHeaders });
  const read = readWorkbook(tabs, options);
  cacheContext(read.data.general);
  const garuda = garudaFinding(read.data);
  return { findings: garuda ? [...findings, garuda] : findings, data: read.data, tabs };
}

/**
 * Without the office's Garuda the built-in template's memo has none: a warning that says how to
 * add it. (An office template may carry its own pasted Garuda, so it is not warned about.)
 */
function garudaFinding(data: WorkbookData): Finding | null {
  // At the office's name; without that cell the tab's own findings come first.
  const at = data.general.organisation;
  if (!at.cell || data.general.template.value || garudaStatus().present) return null;
  return {
    severity: 'warning',
    sheet: at.sheet,
    cell: at.cell,
    rule: 'garuda-missing',
    message:
      'ยังไม่มีตราครุฑของหน่วยงาน บันทึกข้อความจะไม่มีตราครุฑที่มุมซ้ายบน กรุณาอัปโหลดรูปตราครุฑ (PNG หรือ JPEG สูงประมาณ ๒๐๐ พิกเซล) ครั้งเดียวที่แถบด้านข้าง (ส่วนขยาย › รายงาน ITA › เปิดแถบด้านข้าง › ตราครุฑ) ทุกคนที่แก้ไขชีตนี้จะใช้รูปเดียวกัน',
  };
}

/** Template problems shown like the sheet's findings, at the แม่แบบเอกสาร cell. */
function templateFindings(problems: TemplateProblem[], data: WorkbookData): FindingView[] {
  const at = data.general.template;
  return problems.map((p) => ({
    severity: 'error',
    sheet: at.sheet,
    cell: at.cell ?? 'A1',
    rule: p.rule,
    message: `แม่แบบเอกสาร ${p.location}: ${p.message}`,
  }));
}

/** `บันทึกข้อความ ITA ปีงบประมาณ 2568 องค์การบริหารส่วนตำบลเมืองเก่า 25 พ.ย. 2569 เวลา 14.05.09` */
export function memoFileName(data: WorkbookData, now: Date, timeZone: string): string {
  const year = data.general.fiscalYear.value;
  const org = data.general.organisation.value ?? '';
  const [y, m, d, hm] = Utilities.formatDate(now, timeZone, 'yyyy-M-d-HH.mm.ss').split('-');
  const date = formatThaiDate(
    { yearBE: Number(y) + 543, month: Number(m), day: Number(d) },
    { style: 'short', digits: 'arabic' },
  );
  const longYear = date.replace(/ (\d\d)$/, ` ${Number(y) + 543}`);
  return `บันทึกข้อความ ITA ปีงบประมาณ ${withDigits(year ?? '', 'arabic')} ${org} ${longYear} เวลา ${hm}`
    .replace(/\s+/g, ' ')
    .trim();
}

interface Made {
  /** The Doc made by this run (the scratch Doc of a refill): trashed on failure. */
  docId?: string;
  /** The memo a refill acts on (never trashed). */
  refilledId?: string;
  /** The Doc's link, as the create or copy call returned it. */
  docUrl?: string;
  pdfId?: string;
  /** What went only partly well (Thai, for ประวัติ): the layout, the folder. */
  notes: string[];
}

/** Copies the office's template into the folder, or writes the built-in one; the new Doc's id. */
function prepareDocument(data: WorkbookData, name: string, folderId: string, made: Made): string {
  const templateId = data.general.template.value ? parseDriveId(data.general.template.value) : null;
  if (data.general.template.value && !templateId) {
    throw new UserFacingError(
      'รายการ “แม่แบบเอกสาร” ไม่ใช่ลิงก์หรือรหัสของ Google เอกสาร กรุณาวางลิงก์ของแม่แบบ หรือเว้นว่างเพื่อใช้แม่แบบในตัว',
    );
  }
  const file = templateId
    ? copyDoc(reachableTemplate(templateId, activeUserEmail()), name, folderId)
    : createTemplateFrame(name, folderId, data);
  made.docId = file.id as string;
  made.docUrl = file.webViewLink as string;
  if (!templateId) writeTemplateDoc(made.docId, data);
  return made.docId;
}

function fail(
  ss: Spreadsheet,
  made: Made,
  action: string,
  reason: string,
  user: string,
  now: Date,
): GenerateResult {
  for (const id of [made.pdfId, made.docId]) {
    if (!id) continue;
    try {
      trash(id);
    } catch {
      // The log below still says what happened.
    }
  }
  appendLog(ss, {
    time: now,
    user,
    action,
    status: LOG_FAILED,
    note: reason,
    docId: made.refilledId ?? '',
  });
  return { status: 'failed', message: reason };
}

/**
 * Generates the memo. Refuses with the findings when there are errors; asks once (status
 * 'confirm') when there are only warnings, unless `confirmed`. With `sameDoc`
 * ("สร้างใหม่ในเอกสารเดิม") the current memo's Doc is refilled instead of a new one being made:
 * same Doc, same link, reviewers' comments kept where their text is.
 */
export function generateMemo(
  ss: Spreadsheet,
  confirmed: boolean,
  sameDoc = false,
  overwriteEdits = false,
): GenerateResult {
  // Nothing is made without the lock, so a refusal here has nothing to log.
  return underDocumentLock(
    (): GenerateResult => {
      const { findings, data } = checkWorkbook(ss);
      const check = toCheckResult(findings);
      if (hasErrors(findings)) return { status: 'blocked', check };
      if (check.warnings > 0 && !confirmed) return { status: 'confirm', check };
      return generateChecked(ss, data, check, sameDoc, overwriteEdits);
    },
    (message) => ({ status: 'failed', message }),
  );
}

/** The memo a refill acts on and its folder (where the scratch Doc goes), or a Thai refusal. */
function memoToRefill(
  ss: Spreadsheet,
  user: string,
): { memo: MemoRecord; folderId: string; log: Log } {
  const log = readLog(ss);
  const memo = memoToActOn(log, 'สร้างใหม่ในเอกสารเดิม');
  const file = reachableMemo(memo, user, 'สร้างใหม่ในเอกสารเดิม');
  return { memo, folderId: (file.parents ?? [])[0] ?? '', log };
}

function generateChecked(
  ss: Spreadsheet,
  data: WorkbookData,
  check: CheckResult,
  sameDoc: boolean,
  overwriteEdits: boolean,
): GenerateResult {
  const now = new Date();
  const made: Made = { notes: [] };
  const action = sameDoc ? LOG_ACTIONS.regenerate : LOG_ACTIONS.generate;
  let user = '';
  // Everything that can fail is inside the try, so every outcome is logged (a missing
  // userinfo.email scope too: Google's message then reaches ประวัติ).
  try {
    user = activeUserEmail();
    const name = memoFileName(data, now, ss.getSpreadsheetTimeZone());
    const content = memoContent(data, { garuda: loadGaruda() });
    const refill = sameDoc ? memoToRefill(ss, user) : null;
    if (refill) made.refilledId = refill.memo.docId;
    // The memo as it is now: what a refill changes, read once, before anything is made.
    const current = refill ? getDocument(refill.memo.docId) : null;
    // Suggestions are not text yet: refilling over them would write over what a reviewer
    // proposed (and over nothing staff decided). Settled in Google Docs first.
    const pending = current && pendingSuggestions(current);
    if (pending?.count)
      return {
        status: 'failed',
        message: suggestionsRefusal(pending, 'สร้างใหม่ในเอกสารเดิม', 'self'),
      };
    if (refill && current && !overwriteEdits) {
      const edited = editsSinceFill(refill.memo.docId, current);
      if (edited) return edited;
    }
    let folderId = refill?.folderId ?? '';
    if (!folderId) {
      const destination = destinationFolder(ss, data, user);
      folderId = destination.id;
      if (destination.note) made.notes.push(destination.note);
    }
    // A refill fills the template in a scratch Doc first: what the memo must become.
    const read = readTemplate(
      prepareDocument(data, refill ? `${name} (ชั่วคราว)` : name, folderId, made),
    );
    const parsed = parseTemplate(read.tree);
    // Names are checked once the blocks are sound: inside a broken block every name looks misplaced.
    const problems = parsed.problems.length
      ? parsed.problems
      : checkTemplate(parsed, content.schema);
    if (problems.length) {
      fail(ss, made, action, `แม่แบบเอกสารมีข้อผิดพลาด ${problems.length} รายการ`, user, now);
      return { status: 'blocked', check: toCheckResult(templateFindings(problems, data)) };
    }
    const plan = expandTemplate(parsed, content.values);
    let filled: Filled;
    if (refill && current) {
      filled = refillDoc(refill.memo.docId, current, read, plan);
      trash(read.docId);
      made.docId = undefined;
      made.docUrl = docUrl(refill.memo.docId);
    } else filled = applyPlan(read, plan);
    const { doc } = filled;
    const pdf = createPdf(
      doc.getAs('application/pdf').setName(`${name}.pdf`),
      `${name}.pdf`,
      folderId,
    );
    made.pdfId = pdf.id as string;
    const links: GeneratedLinks = {
      docUrl: made.docUrl ?? doc.getUrl(),
      pdfUrl: pdf.webViewLink as string,
      pdfName: `${name}.pdf`,
      at: now.toISOString(),
      notes: made.notes,
    };
    // From here the memo is finished: recording it can only add a note, never undo it.
    record(ss, {
      action,
      user,
      now,
      warnings: check.warnings,
      links,
      refill,
      docId: refill?.memo.docId ?? made.docId,
      text: fingerprint(filled.paragraphs),
    });
    return { status: 'done', links, check };
  } catch (err) {
    // A refill refused before it reached the memo (none yet, in the trash, or out of this user's
    // reach) touched nothing, so it records nothing, like the refusals below memoToRefill: a
    // failed row would stop the review of the memo that stands (memoToActOn).
    if (sameDoc && !made.refilledId && err instanceof UserFacingError)
      return { status: 'failed', message: err.message };
    const reason =
      err instanceof UserFacingError ? err.message : describeGoogleFailure(err, 'ระหว่างสร้างเอกสาร');
    return fail(ss, made, action, reason, user, now);
  }
}

/**
 * Records a finished memo in ประวัติ (and, for a refill, moves its status back to where its
 * comments leave it) and remembers it for the sidebar. A failure here (a protected or full
 * ประวัติ, a Sheets timeout) leaves the memo as it is: the run is reported done, with a Thai note
 * saying what was not recorded.
 */
function record(
  ss: Spreadsheet,
  run: {
    action: string;
    user: string;
    now: Date;
    warnings: number;
    links: GeneratedLinks;
    refill: { memo: MemoRecord; log: Log } | null;
    docId?: string;
    /** What the Doc says now (core/docs/fingerprint.ts). */
    text: string;
  },
): void {
  const { links, refill } = run;
  const note = [run.warnings ? `สร้างโดยมีคำเตือน ${run.warnings} รายการ` : '', ...(links.notes ?? [])]
    .filter((n) => n)
    .join('\n');
  try {
    const log = refill?.log ?? readLog(ss);
    appendLog(
      ss,
      {
        time: run.now,
        user: run.user,
        action: run.action,
        document: links.docUrl,
        pdf: links.pdfUrl,
        status: LOG_DONE,
        ...(refill ? {} : { openComments: 0, resolvedComments: 0, memoStatus: MEMO_STATUS.draft }),
        note,
        docId: run.docId ?? '',
      },
      log,
    );
    if (refill) {
      // What was approved has changed: the memo goes back to where its comments leave it.
      refill.memo.approved = null;
      refill.memo.published = null;
      refreshCounts(refill.memo);
      settle(log, refill.memo);
    }
  } catch (err) {
    console.warn(`ITA Memo: the memo was made but not recorded: ${describeGoogleFailure(err)}`);
    links.notes = [
      ...(links.notes ?? []),
      `บันทึกข้อความสร้างเสร็จแล้ว แต่บันทึกลงแท็บประวัติไม่สำเร็จ (${describeGoogleFailure(err)}) กรุณาคัดลอกลิงก์เอกสารไว้ แล้วตรวจว่าแท็บประวัติแก้ไขได้`,
    ];
  }
  try {
    rememberLastRun(links, run.docId ? { docId: run.docId, text: run.text } : undefined);
  } catch (err) {
    console.warn(`ITA Memo: the last run was not remembered: ${describeGoogleFailure(err)}`);
  }
}

/**
 * "สร้างใหม่ในเอกสารเดิม" makes the memo say what the sheet says: a paragraph someone changed in
 * Google Docs since the add-on last wrote it would be silently written over. Asks first, naming
 * those paragraphs, so staff can carry the edits into the sheet (null: nothing was edited, or
 * the memo was written before this was recorded).
 */
function editsSinceFill(docId: string, current: DocsDocument): GenerateResult | null {
  const filled = memoText('filled', docId);
  const edits = filled && handEdits(filled.text, bodyParagraphs(current));
  if (!edits) return null;
  return {
    status: 'edited',
    message:
      `บันทึกข้อความในเอกสารเดิมถูกแก้ไขโดยตรงใน Google เอกสารหลังระบบสร้างครั้งล่าสุด (${describeEdits(edits)}) ` +
      'การสร้างใหม่ในเอกสารเดิมจะเขียนทับส่วนนั้นด้วยข้อมูลจากชีต หากต้องการเก็บการแก้ไขไว้ ' +
      'กรุณายกเลิก แล้วแก้ข้อมูลในชีตให้ตรงกับที่แก้ในเอกสารก่อน ต้องการสร้างใหม่และเขียนทับหรือไม่',
    edited: edits.changed,
  };
}

const digitsOf = (data: WorkbookData) => (data.general.useThaiDigits.value ? 'thai' : 'arabic');

/**
 * A new Doc with the built-in template's page frame (A4, margins, "- n -" from page 2), which
 * only a converted Word file can bring (core/memo/template-frame.ts).
 */
function createTemplateFrame(name: string, folderId: string, data: WorkbookData) {
  const docx = Utilities.newBlob(
    toSignedBytes(templateFrameDocx(digitsOf(data))),
    DOCX_MIME,
    `${name}.docx`,
  );
  return createDocFromWord(name, folderId, docx);
}

/** Writes the built-in template into the new Doc (one Docs API call). */
function writeTemplateDoc(docId: string, data: WorkbookData): void {
  const measures = data.measures.map((row) =>
    MEASURE_KEYS.map((key) => row[key].value?.text ?? ''),
  );
  writeBuiltinTemplate(docId, builtinTemplate({ measures }), digitsOf(data));
}

/**
 * "สร้างแม่แบบมาตรฐาน": a Doc with the built-in template, its link written into แม่แบบเอกสาร when
 * that cell is blank (a link staff typed there is never written over: `kept` is it).
 */
export function createTemplateDoc(ss: Spreadsheet): {
  url: string;
  linked: boolean;
  kept?: string;
} {
  const { data } = checkWorkbook(ss);
  const me = activeUserEmail();
  const folderId = destinationFolder(ss, data, me).id;
  const name = `แม่แบบบันทึกข้อความ ITA ${data.general.organisation.value ?? ''}`.trim();
  const file = createTemplateFrame(name, folderId, data);
  writeTemplateDoc(file.id as string, data);
  // The office's template: the sheet's editors may edit it; B's add-on still needs B to pick it.
  rememberOfficeTemplate({ id: file.id as string, by: me });
  shareWithEditors(ss, file.id as string, me);
  const url = file.webViewLink as string;
  const at = data.general.template;
  const sheet = at.cell ? ss.getSheetByName(at.sheet) : null;
  if (sheet && at.cell && at.value !== null) return { url, linked: false, kept: at.value };
  if (sheet && at.cell) sheet.getRange(at.cell).setValue(url);
  return { url, linked: !!sheet };
}
