/**
 * "สร้างบันทึกข้อความ": the validated sheet becomes the memo (a Google Doc supervisors can
 * comment on) and its PDF in Drive, and ประวัติ records the run.
 *
 * sheet → read → validate → memo content → template check → fill → save → PDF → share → log.
 * Nothing is left half-made: on any failure the new Doc (and PDF) go to the trash and the log
 * records the failure with its reason.
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
import type { Signatory } from '../core/workbook/types';
import type { SharingReport } from '../shared/sidebar-api';
import { toSignedBytes } from '../core/bytes';
import { DOCX_MIME, templateFrameDocx } from '../core/memo/template-frame';
import {
  copyTemplate,
  createDocFromWord,
  createPdf,
  sharingFailure,
  shareWith,
  shareWithAnyone,
  trash,
  UserFacingError,
} from './drive';
import { googleError, isApiDisabled, isRateLimited } from './google-errors';
import { appendLog } from './log';
import { readContractTabs, utcOffsetMinutes } from './sheets';
import { applyPlan, readTemplate } from './template-doc';
import { cacheContext, rememberLastRun, rememberOfficeTemplate } from './state';
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
  const { tabs, outside, merged } = readContractTabs(ss);
  const options = { utcOffsetMinutes: utcOffsetMinutes(ss) };
  const findings = validateWorkbook(tabs, { ...options, outside, merged });
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
  docId?: string;
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
    ? copyTemplate(reachableTemplate(templateId, activeUserEmail()), name, folderId)
    : createTemplateFrame(name, folderId, data);
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
  // Nothing is made without the lock, so a refusal here has nothing to log.
  const busy = 'มีผู้อื่นกำลังสร้างบันทึกข้อความจากชีตนี้อยู่ กรุณารอสักครู่แล้วลองใหม่';
  let lock: GoogleAppsScript.Lock.Lock;
  try {
    lock = LockService.getDocumentLock();
    if (!lock.tryLock(15000)) return { status: 'failed', message: busy };
  } catch {
    return { status: 'failed', message: busy };
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
  const made: Made = { notes: [] };
  let user = '';
  // Everything that can fail is inside the try, so every outcome is logged (a missing
  // userinfo.email scope too: Google's message then reaches ประวัติ).
  try {
    user = activeUserEmail();
    const name = memoFileName(data, now, ss.getSpreadsheetTimeZone());
    const content = memoContent(data, { garuda: loadGaruda() });
    const destination = destinationFolder(ss, data, user);
    const folderId = destination.id;
    if (destination.note) made.notes.push(destination.note);
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
    // From here the memo is finished: sharing can only add notes, never undo it.
    const sharing = share(data, made.docId as string, made.pdfId);
    const links: GeneratedLinks = {
      docUrl: made.docUrl ?? doc.getUrl(),
      pdfUrl: pdf.webViewLink as string,
      pdfName: `${name}.pdf`,
      at: now.toISOString(),
      sharing,
      notes: made.notes,
    };
    const note = [
      warnings ? `สร้างโดยมีคำเตือน ${warnings} รายการ` : '',
      sharingNote(sharing),
      ...made.notes,
    ].filter((n) => n);
    appendLog(ss, {
      time: now,
      user,
      action: 'สร้างบันทึกข้อความ',
      document: links.docUrl,
      pdf: links.pdfUrl,
      status: 'สำเร็จ',
      openComments: 0,
      resolvedComments: 0,
      note: note.join('\n'),
    });
    rememberLastRun(links);
    return { status: 'done', links, warnings };
  } catch (err) {
    const reason = err instanceof UserFacingError ? err.message : describeFailure(err);
    return fail(ss, made, reason, user, now);
  }
}

/** A Google failure in Thai, told apart by Google's reason (google-errors.ts). */
function describeFailure(err: unknown): string {
  if (isRateLimited(err))
    return 'Google ปฏิเสธคำขอชั่วคราวเพราะมีคำขอมากเกินไป (ลองซ้ำแล้วยังไม่สำเร็จ) กรุณารอสักครู่แล้วสร้างใหม่';
  if (isApiDisabled(err))
    return 'บริการของ Google ที่ส่วนเสริมต้องใช้ยังไม่ได้เปิดในโปรเจกต์ Cloud ของส่วนเสริม กรุณาแจ้งผู้ดูแลระบบ';
  return `เกิดข้อผิดพลาดระหว่างสร้างเอกสาร: ${googleError(err).message}`;
}

/** What the notification e-mail tells a reviewer or the approver (Drive adds the Doc's link). */
function reviewMessage(data: WorkbookData, s: Signatory): string {
  const year = data.general.fiscalYear.value ?? '';
  const org = data.general.organisation.value ?? '';
  const as =
    s.role.value === 'approver' ? 'ผู้สั่งการ กรุณาพิจารณาและสั่งการ' : 'ผู้ให้ความเห็น กรุณาตรวจและให้ความเห็น';
  return (
    `เรียน ${[s.rank.value, s.name.value].filter((x) => x).join('') || s.email.value}\n` +
    `มีบันทึกข้อความรายงานผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. ${year} ของ${org} ` +
    `รอท่านในฐานะ${as} โดยเปิดเอกสารจากลิงก์ในอีเมลนี้ เลือกข้อความที่ต้องการ แล้วแสดงความคิดเห็น (แทรก › ความคิดเห็น) ` +
    'ความเห็นทั้งหมดจะกลับไปแสดงในแท็บประวัติของชีตรายงาน ITA'
  );
}

/**
 * Reviewers and the approver may comment on the Doc, each told by Google's e-mail what to review;
 * the PDF is public only when the sheet says so. Best-effort: an address Drive refuses is
 * reported, never fatal.
 */
function share(data: WorkbookData, docId: string, pdfId: string): SharingReport {
  const report: SharingReport = { shared: [], failed: [] };
  const seen = new Set<string>();
  for (const s of data.signatories) {
    const email = s.email.value?.trim();
    if (!email || s.role.value === 'proposer' || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    try {
      shareWith(docId, email, 'commenter', reviewMessage(data, s));
      report.shared.push(email);
    } catch (err) {
      const failure = sharingFailure(err);
      if (failure.shared) report.shared.push(email);
      report.failed.push({ email, reason: failure.reason });
    }
  }
  if (data.general.publishPublicly.value) {
    try {
      shareWithAnyone(pdfId);
    } catch (err) {
      report.failed.push({
        email: 'ทุกคนที่มีลิงก์',
        reason: `เปิด PDF ให้ทุกคนที่มีลิงก์ดูไม่สำเร็จ (${googleError(err).message}) กรุณาแชร์ PDF เองใน Google ไดรฟ์`,
      });
    }
  }
  return report;
}

function sharingNote(report: SharingReport): string {
  if (!report.failed.length) return '';
  return (
    `แชร์ให้ผู้ตรวจไม่ครบ ${report.failed.length} ราย: ` +
    report.failed.map((f) => `${f.email} (${f.reason})`).join('; ')
  );
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
