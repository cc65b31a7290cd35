/**
 * "สร้างบันทึกข้อความ": the validated sheet becomes the memo (a Google Doc supervisors can
 * comment on) and its PDF in Drive, and ประวัติ records the run.
 *
 * sheet → read → validate → memo content → template check → fill → save → PDF → share → log.
 * Nothing is left half-made: on any failure the new Doc (and PDF) go to the trash and the log
 * records the failure with its reason.
 */
import { memoContent, builtinTemplate } from '../core/memo';
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
import {
  copyTemplate,
  createDoc,
  createFolder,
  createPdf,
  getFile,
  reachableFolder,
  shareWith,
  shareWithAnyone,
  trash,
  UserFacingError,
} from './drive';
import { appendLog } from './log';
import { readTabs, utcOffsetMinutes } from './sheets';
import { applyPlan, readTemplate } from './template-doc';
import { cacheContext, recallFolder, rememberFolder, rememberLastRun } from './state';

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
  const tabs = readTabs(ss);
  const options = { utcOffsetMinutes: utcOffsetMinutes(ss) };
  const findings = validateWorkbook(tabs, options);
  const read = readWorkbook(tabs, options);
  cacheContext(read.data.general);
  return { findings, data: read.data, tabs };
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

function destinationFolder(data: WorkbookData): string {
  const typed = data.general.folder.value;
  if (typed) {
    const id = parseDriveId(typed);
    if (!id)
      throw new UserFacingError(
        'รายการ “โฟลเดอร์ปลายทาง” ไม่ใช่ลิงก์หรือรหัสโฟลเดอร์ของ Google ไดรฟ์ กรุณาวางลิงก์ของโฟลเดอร์ หรือเว้นว่าง',
      );
    return reachableFolder(id).id as string;
  }
  const remembered = recallFolder();
  if (remembered) {
    const f = getFile(remembered);
    if (f && !f.trashed) return remembered;
  }
  const folder = createFolder(`รายงาน ITA ${data.general.organisation.value ?? ''}`.trim());
  rememberFolder(folder.id as string);
  return folder.id as string;
}

interface Made {
  docId?: string;
  /** The Doc's link, as the create or copy call returned it. */
  docUrl?: string;
  pdfId?: string;
}

/** Copies the office's template into the folder, or writes the built-in one; the new Doc's id. */
function prepareDocument(data: WorkbookData, name: string, folderId: string, made: Made): string {
  const templateId = data.general.template.value ? parseDriveId(data.general.template.value) : null;
  if (data.general.template.value && !templateId) {
    throw new UserFacingError(
      'รายการ “แม่แบบเอกสาร” ไม่ใช่ลิงก์หรือรหัสของ Google เอกสาร กรุณาวางลิงก์ของแม่แบบ หรือเว้นว่างเพื่อใช้แม่แบบในตัว',
    );
  }
  const file = templateId ? copyTemplate(templateId, name, folderId) : createDoc(name, folderId);
  made.docId = file.id as string;
  made.docUrl = file.webViewLink as string;
  if (!templateId) writeTemplateDoc(made.docId, data);
  return made.docId;
}

function fail(
  ss: Spreadsheet,
  made: Made,
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
  appendLog(ss, { time: now, user, action: 'สร้างบันทึกข้อความ', status: 'ไม่สำเร็จ', note: reason });
  return { status: 'failed', message: reason };
}

/**
 * Generates the memo. Refuses with the findings when there are errors; asks once (status
 * 'confirm') when there are only warnings, unless `confirmed`.
 */
export function generateMemo(ss: Spreadsheet, confirmed: boolean): GenerateResult {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(15000)) {
    return { status: 'failed', message: 'มีผู้อื่นกำลังสร้างบันทึกข้อความจากชีตนี้อยู่ กรุณารอสักครู่แล้วลองใหม่' };
  }
  try {
    const { findings, data } = checkWorkbook(ss);
    const check = toCheckResult(findings);
    if (hasErrors(findings)) return { status: 'blocked', check };
    if (check.warnings > 0 && !confirmed) return { status: 'confirm', check };
    return generateChecked(ss, data, check.warnings);
  } finally {
    lock.releaseLock();
  }
}

function generateChecked(ss: Spreadsheet, data: WorkbookData, warnings: number): GenerateResult {
  const now = new Date();
  const user = Session.getActiveUser().getEmail();
  const made: Made = {};
  try {
    const name = memoFileName(data, now, ss.getSpreadsheetTimeZone());
    const content = memoContent(data);
    const folderId = destinationFolder(data);
    const read = readTemplate(prepareDocument(data, name, folderId, made));
    const parsed = parseTemplate(read.tree);
    // Names are checked once the blocks are sound: inside a broken block every name looks misplaced.
    const problems = parsed.problems.length
      ? parsed.problems
      : checkTemplate(parsed, content.schema);
    if (problems.length) {
      fail(ss, made, `แม่แบบเอกสารมีข้อผิดพลาด ${problems.length} รายการ`, user, now);
      return { status: 'blocked', check: toCheckResult(templateFindings(problems, data)) };
    }
    const doc = applyPlan(read, expandTemplate(parsed, content.values));
    const pdf = createPdf(
      doc.getAs('application/pdf').setName(`${name}.pdf`),
      `${name}.pdf`,
      folderId,
    );
    made.pdfId = pdf.id as string;
    share(data, made.docId as string, made.pdfId);
    const links: GeneratedLinks = {
      docUrl: made.docUrl ?? doc.getUrl(),
      pdfUrl: pdf.webViewLink as string,
      pdfName: `${name}.pdf`,
      at: now.toISOString(),
    };
    appendLog(ss, {
      time: now,
      user,
      action: 'สร้างบันทึกข้อความ',
      document: links.docUrl,
      pdf: links.pdfUrl,
      status: 'สำเร็จ',
      openComments: 0,
      resolvedComments: 0,
      note: warnings ? `สร้างโดยมีคำเตือน ${warnings} รายการ` : '',
    });
    rememberLastRun(links);
    return { status: 'done', links, warnings };
  } catch (err) {
    const reason =
      err instanceof UserFacingError
        ? err.message
        : `เกิดข้อผิดพลาดระหว่างสร้างเอกสาร: ${(err as Error)?.message ?? String(err)}`;
    return fail(ss, made, reason, user, now);
  }
}

/** Reviewers and the approver may comment on the Doc; the PDF is public only when the sheet says so. */
function share(data: WorkbookData, docId: string, pdfId: string): void {
  const emails = new Set<string>();
  for (const s of data.signatories)
    if (s.email.value && s.role.value !== 'proposer') emails.add(s.email.value);
  for (const email of emails) shareWith(docId, email, 'commenter');
  if (data.general.publishPublicly.value) shareWithAnyone(pdfId);
}

/** Writes the built-in template into a new, empty Doc (one Docs API call). */
function writeTemplateDoc(docId: string, data: WorkbookData): void {
  writeBuiltinTemplate(
    docId,
    builtinTemplate(),
    data.general.useThaiDigits.value ? 'thai' : 'arabic',
  );
}

/** "สร้างแม่แบบมาตรฐาน": a Doc with the built-in template, its link written into แม่แบบเอกสาร. */
export function createTemplateDoc(ss: Spreadsheet): { url: string; linked: boolean } {
  const { data } = checkWorkbook(ss);
  const folderId = destinationFolder(data);
  const name = `แม่แบบบันทึกข้อความ ITA ${data.general.organisation.value ?? ''}`.trim();
  const file = createDoc(name, folderId);
  writeTemplateDoc(file.id as string, data);
  const url = file.webViewLink as string;
  const at = data.general.template;
  const sheet = at.cell ? ss.getSheetByName(at.sheet) : null;
  if (sheet && at.cell) sheet.getRange(at.cell).setValue(url);
  return { url, linked: !!sheet };
}
