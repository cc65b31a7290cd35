/**
 * "เผยแพร่ฉบับอนุมัติ": the approved memo, as it is now in Google Docs (staff's and supervisors'
 * edits included), becomes the one PDF the website links to. Its Drive file ID never changes:
 * each publication is a new revision of the same file (Files.update with media, kept forever), so
 * the website, the ITA evidence list and next year's assessors keep one link. The link is written
 * into ข้อมูลทั่วไป (ลิงก์เผยแพร่) and ประวัติ; anyone with it may view the PDF only when
 * เผยแพร่ลิงก์สาธารณะ says ใช่. With เผยแพร่เฉพาะรายงาน the PDF holds the attached report alone,
 * cut from a temporary copy of the Doc (the reviewed Doc is not touched), then trashed.
 *
 * A failure half-way (the export, the upload) leaves the published file as it was: the upload is
 * the one step that changes it, and it is a single request.
 */
import { reportOnlyRequests } from '../core/docs/report-part';
import { memoStatus, type MemoRecord } from '../core/memo/review-status';
import { dateFromCell, type CalendarDate } from '../core/thai/calendar';
import { formatThaiDate } from '../core/thai/date-format';
import { normalizeText } from '../core/thai/normalize';
import { GENERAL_TAB, LOG_ACTIONS, LOG_DONE } from '../core/workbook/contract';
import { parseDriveId } from '../core/workbook/drive-id';
import { asLiteral } from '../core/workbook/literal';
import type { WorkbookData } from '../core/workbook/types';
import { checkWorkbook } from './generate';
import type { PublishResult } from '../shared/sidebar-api';
import { batchUpdate, getDocument } from './docs-api';
import {
  copyDoc,
  createPdf,
  getFile,
  revisionCount,
  shareWithAnyone,
  trash,
  unshareAnyone,
  updatePdf,
  UserFacingError,
} from './drive';
import { googleError } from './google-errors';
import {
  memoStep,
  memoToActOn,
  reachableMemo,
  recordStep,
  refreshCounts,
  settle,
  thaiDigits,
  today,
} from './memo-record';
import { stampApprovalDate } from './review';
import { findSheet, utcOffsetMinutes } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

const PDF = 'application/pdf';
/** The fiscal year a published PDF reports, in its appProperties. */
const YEAR_PROPERTY = 'itamemoFiscalYear';

/** The published PDF's name: what a visitor of the website downloads. */
export function publishedName(data: WorkbookData): string {
  const year = data.general.fiscalYear.value ?? '';
  const org = data.general.organisation.value ?? '';
  return `รายงานผล ITA ปีงบประมาณ ${year} ${org}.pdf`.replace(/\s+/g, ' ').trim();
}

/** The file ลิงก์เผยแพร่ names, when it names one this add-on may update; a Thai refusal otherwise. */
function publishedFile(data: WorkbookData, lastPublisher: string): File | null {
  const cell = data.general.publishedLink;
  if (!cell.value) return null;
  const id = parseDriveId(cell.value);
  const at = `(เซลล์ ${cell.sheet}!${cell.cell})`;
  if (!id)
    throw new UserFacingError(
      `รายการ “ลิงก์เผยแพร่” ${at} ไม่ใช่ลิงก์ของไฟล์ใน Google ไดรฟ์ ระบบจึงเผยแพร่ไม่ได้ ` +
        'กรุณาแก้เป็นลิงก์ของไฟล์ PDF ที่เผยแพร่ หรือลบออกเพื่อให้ระบบสร้างไฟล์ใหม่ (ลิงก์จะเปลี่ยน)',
    );
  const file = getFile(id, 'id,name,mimeType,trashed,webViewLink,parents,appProperties');
  if (!file)
    throw new UserFacingError(
      `ส่วนเสริมที่คุณใช้เข้าถึงไฟล์ตามรายการ “ลิงก์เผยแพร่” ${at} ไม่ได้ (ไฟล์นั้นอาจสร้างโดยผู้ใช้อื่น หรือถูกลบถาวรแล้ว) ` +
        'ระบบจึงไม่เผยแพร่ เพื่อไม่ให้ลิงก์บนเว็บไซต์เปลี่ยน ' +
        (lastPublisher ? `กรุณาให้ ${lastPublisher} ซึ่งเผยแพร่ครั้งก่อนเป็นผู้เผยแพร่ ` : '') +
        'หรือหากต้องการไฟล์ใหม่ (ลิงก์ใหม่) ให้ลบลิงก์ในรายการนั้นออกก่อน',
    );
  if (file.trashed)
    throw new UserFacingError(
      `ไฟล์ตามรายการ “ลิงก์เผยแพร่” ${at} อยู่ในถังขยะของ Google ไดรฟ์ กรุณากู้คืนไฟล์นั้นแล้วเผยแพร่อีกครั้ง (ลิงก์เดิมจะใช้ได้ต่อ) ` +
        'หรือลบลิงก์ในรายการนั้นออกเพื่อให้ระบบสร้างไฟล์ใหม่ (ลิงก์จะเปลี่ยน)',
    );
  if (file.mimeType !== PDF)
    throw new UserFacingError(
      `ไฟล์ตามรายการ “ลิงก์เผยแพร่” ${at} ไม่ใช่ไฟล์ PDF ระบบจึงเผยแพร่ลงไฟล์นั้นไม่ได้ ` +
        'กรุณาแก้เป็นลิงก์ของไฟล์ PDF ที่เผยแพร่ หรือลบออกเพื่อให้ระบบสร้างไฟล์ใหม่ (ลิงก์จะเปลี่ยน)',
    );
  // Each year's report keeps its own link (the website and the ITA evidence of that year point
  // at it): a new fiscal year never publishes over last year's file.
  const year = file.appProperties?.[YEAR_PROPERTY];
  const now = String(data.general.fiscalYear.value ?? '');
  if (year && year !== now)
    throw new UserFacingError(
      `ไฟล์ตามรายการ “ลิงก์เผยแพร่” ${at} เป็นรายงานที่เผยแพร่ของปีงบประมาณ ${year} ` +
        `ระบบจึงไม่เผยแพร่รายงานปีงบประมาณ ${now} ลงไฟล์นั้น เพื่อให้ลิงก์ของปี ${year} บนเว็บไซต์ยังแสดงรายงานปี ${year} ` +
        `กรุณาลบลิงก์ในรายการนั้นออกเพื่อให้ระบบสร้างไฟล์ของปี ${now} (ลิงก์ของปี ${year} ยังอยู่ในแท็บประวัติ)`,
    );
  return file;
}

/** The PDF of the memo, or of its report alone (from a temporary copy, trashed afterwards). */
function exportPdf(
  docId: string,
  reportOnly: boolean,
  folderId: string,
  name: string,
): GoogleAppsScript.Base.Blob {
  if (!reportOnly) return DocumentApp.openById(docId).getAs(PDF).setName(name);
  const copy = copyDoc(docId, `(ชั่วคราว ลบได้) ${name.replace(/\.pdf$/, '')}`, folderId);
  try {
    const cut = reportOnlyRequests(getDocument(copy.id as string));
    if (!cut)
      throw new UserFacingError(
        'ไม่พบตัวแบ่งหน้าที่คั่นบันทึกข้อความกับรายงานแนบท้ายในเอกสาร ระบบจึงแยกเผยแพร่เฉพาะรายงานไม่ได้ ' +
          'กรุณาใส่ตัวแบ่งหน้า (แทรก › ตัวแบ่ง › ตัวแบ่งหน้า) หลังช่องคำสั่งของผู้สั่งการในแม่แบบ หรือตั้ง “เผยแพร่เฉพาะรายงาน” เป็น ไม่',
      );
    batchUpdate(copy.id as string, cut);
    return DocumentApp.openById(copy.id as string)
      .getAs(PDF)
      .setName(name);
  } finally {
    try {
      trash(copy.id as string);
    } catch (err) {
      console.warn(
        `ITA Memo: could not trash the temporary copy ${copy.id}: ${googleError(err).message}`,
      );
    }
  }
}

/** The approval's date in Thai, from its row's เวลา (today when the cell is not a date). */
function approvalDate(ss: Spreadsheet, memo: MemoRecord, data: WorkbookData): string {
  const time = memo.approved?.time;
  const date: CalendarDate =
    (time instanceof Date && dateFromCell(time, utcOffsetMinutes(ss))) || today(ss);
  return formatThaiDate(date, { digits: thaiDigits(data) });
}

/**
 * Writes the published link into ข้อมูลทั่วไป's ลิงก์เผยแพร่ when that cell is blank, or as a new
 * row after the tab's last when the label is missing (a workbook made before the label existed).
 * A link staff typed there is never written over.
 */
function writePublishedLink(ss: Spreadsheet, data: WorkbookData, url: string): void {
  const cell = data.general.publishedLink;
  const sheet = findSheet(ss, GENERAL_TAB.name);
  if (!sheet || cell.value) return;
  if (cell.cell) {
    sheet.getRange(cell.cell).setValue(asLiteral(url));
    return;
  }
  const header = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0];
  const col = (h: string) => header.findIndex((x) => normalizeText(String(x)) === h) + 1;
  const label = col(GENERAL_TAB.columns[0].header);
  const value = col(GENERAL_TAB.columns[1].header);
  if (!label || !value) return;
  const from = Math.min(label, value);
  const row = new Array<unknown>(Math.abs(value - label) + 1).fill('');
  row[label - from] = 'ลิงก์เผยแพร่';
  row[value - from] = asLiteral(url);
  // The row after the last used one is empty: nothing of staff's is written over.
  sheet.getRange(sheet.getLastRow() + 1, from, 1, row.length).setValues([row]);
}

/** "เผยแพร่ฉบับอนุมัติ". */
export function publishMemo(ss: Spreadsheet): PublishResult {
  const action = LOG_ACTIONS.publish;
  return memoStep<PublishResult>(ss, action, (me, log) => {
    const { data } = checkWorkbook(ss);
    const memo = memoToActOn(log, 'เผยแพร่');
    if (!memo.approved)
      throw new UserFacingError(
        `บันทึกข้อความฉบับล่าสุดยังไม่ได้รับอนุมัติ (สถานะ: ${memoStatus(memo)}) ระบบเผยแพร่เฉพาะฉบับที่ผู้สั่งการบันทึกการอนุมัติแล้ว ` +
          'กรุณาให้ผู้สั่งการใช้เมนู “อนุมัติ” ก่อน',
      );
    const doc = reachableMemo(memo, me, 'เผยแพร่ฉบับอนุมัติ');
    const lastPublisher =
      [...log.rows].reverse().find((r) => r.action === action && r.status === LOG_DONE)?.user ?? '';
    const target = publishedFile(data, lastPublisher);
    const folderId = (target?.parents ?? doc.parents ?? [])[0] ?? '';
    const name = publishedName(data);
    // The approver may not have been able to write the date in (comment access only).
    stampApprovalDate(memo.docId, approvalDate(ss, memo, data));
    const reportOnly = data.general.publishReportOnly.value;
    const blob = exportPdf(memo.docId, reportOnly, folderId, name);
    const year = String(data.general.fiscalYear.value ?? '');
    const pdf = target
      ? updatePdf(target.id as string, blob)
      : createPdf(blob, name, folderId, { appProperties: { [YEAR_PROPERTY]: year } });
    const id = pdf.id as string;
    const url = pdf.webViewLink as string;
    const notes: string[] = [];
    // Public only when the sheet says so, and only when Drive let it be.
    let isPublic = false;
    try {
      if (data.general.publishPublicly.value) {
        shareWithAnyone(id);
        isPublic = true;
      } else if (unshareAnyone(id))
        notes.push('ยกเลิกการให้ทุกคนที่มีลิงก์ดูแล้ว ตามรายการ “เผยแพร่ลิงก์สาธารณะ” เป็น ไม่');
    } catch (err) {
      notes.push(
        `ตั้งค่าการแชร์ของ PDF ไม่สำเร็จ (${googleError(err).message}) กรุณาตั้งค่าการแชร์ของไฟล์นั้นเองใน Google ไดรฟ์`,
      );
    }
    const revision = revisionCount(id);
    writePublishedLink(ss, data, url);
    const what = `ฉบับที่ ${revision} ${reportOnly ? 'เฉพาะรายงานแนบท้าย' : 'ทั้งฉบับ'} ${isPublic ? 'ทุกคนที่มีลิงก์ดูได้' : 'เฉพาะผู้ที่ได้รับสิทธิ์ (ไม่เปิดสาธารณะ)'}`;
    const note = [what, ...notes].join('\n');
    memo.published = recordStep(ss, log, memo, { user: me, action, note, pdf: url });
    refreshCounts(memo);
    settle(log, memo);
    return {
      status: 'done',
      message: `เผยแพร่แล้ว (${what}) ลิงก์ถาวรสำหรับเว็บไซต์: ${url}${notes.length ? ` ${notes.join(' ')}` : ''}`,
      id,
      url,
      revision,
      public: isPublic,
    };
  });
}
