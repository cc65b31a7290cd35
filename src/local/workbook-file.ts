/**
 * What a file that cannot be opened as a workbook is, told in Thai with what to do: staff pick
 * the wrong file, a renamed one, a password-protected one or an empty copy far more often than
 * a truly broken workbook, and a library's English ("Can't find end of central directory") helps
 * none of them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';

const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');
/** Office's compound file: old .xls/.doc, and OOXML encrypted with a password. */
const COMPOUND = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

const END_OF_DIRECTORY = Buffer.from('PK\u0005\u0006', 'latin1');

const damaged = (name: string) =>
  `ไฟล์ ${name} เป็นสมุดงาน .xlsx ที่เสียหรือบันทึกไม่สมบูรณ์ ระบบจึงอ่านไม่ได้ กรุณาเปิดไฟล์ต้นฉบับใน Excel หรือ Google ชีต (ซึ่งมักซ่อมไฟล์ได้) แล้วบันทึกเป็น .xlsx ฉบับใหม่`;

function has(bytes: Buffer, text: string): boolean {
  return bytes.includes(Buffer.from(text, 'latin1'));
}

/** The Thai sentence for a workbook that could not be read. */
export function unreadableWorkbookMessage(path: string, err: unknown): string {
  const name = `“${basename(path)}”`;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EISDIR') return `${name} เป็นโฟลเดอร์ ไม่ใช่ไฟล์สมุดงาน กรุณาระบุไฟล์ .xlsx ในโฟลเดอร์นั้น`;
  if (code === 'EACCES' || code === 'EPERM') {
    return `ไม่มีสิทธิ์อ่านไฟล์ ${name} กรุณาตรวจสิทธิ์ของไฟล์ หรือคัดลอกไฟล์มาไว้ในโฟลเดอร์ของตนแล้วลองใหม่`;
  }
  // The workbook reader's own "not found" carries no code: ask the file system.
  if (code === 'ENOENT' || !existsSync(path)) {
    return `ไม่พบไฟล์ ${name} กรุณาตรวจชื่อไฟล์และโฟลเดอร์ที่เก็บไฟล์`;
  }
  let bytes: Buffer;
  try {
    if (statSync(path).size === 0) {
      return `ไฟล์ ${name} ว่างเปล่า (ขนาด 0 ไบต์) อาจบันทึกหรือคัดลอกมาไม่ครบ กรุณาเปิดไฟล์ต้นฉบับใน Excel หรือ Google ชีต แล้วบันทึกเป็น .xlsx อีกครั้ง`;
    }
    bytes = readFileSync(path);
  } catch {
    return `อ่านไฟล์ ${name} ไม่ได้ กรุณาตรวจว่าไฟล์ยังอยู่และเปิดได้ แล้วลองใหม่`;
  }
  if (bytes.subarray(0, 8).equals(COMPOUND)) {
    return bytes.includes(ENCRYPTED_PACKAGE)
      ? `ไฟล์ ${name} ตั้งรหัสผ่านไว้ ระบบจึงอ่านข้อมูลไม่ได้ กรุณาเปิดไฟล์ใน Excel แล้วเอารหัสผ่านออก (ไฟล์ › ข้อมูล › ป้องกันสมุดงาน › เข้ารหัสด้วยรหัสผ่าน แล้วลบรหัสผ่านให้ว่าง) บันทึก แล้วลองใหม่`
      : `ไฟล์ ${name} เป็นไฟล์ Office รุ่นเก่า (เช่น .xls) ไม่ใช่ .xlsx กรุณาเปิดใน Excel หรือ Google ชีต แล้วบันทึกเป็น “สมุดงาน Excel (.xlsx)”`;
  }
  if (bytes.subarray(0, 4).equals(ZIP)) {
    // A zip ends with its directory: without it the file was cut short (a copy or a download
    // that did not finish).
    if (!bytes.subarray(-65_557).includes(END_OF_DIRECTORY)) return damaged(name);
    if (has(bytes, 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) {
      return `ไฟล์ ${name} เป็นสเปรดชีต OpenDocument (.ods) ที่ตั้งชื่อลงท้ายด้วย .xlsx กรุณาเปิดใน LibreOffice Calc หรือ Google ชีต แล้วบันทึกเป็น “สมุดงาน Excel (.xlsx)”`;
    }
    if (has(bytes, 'mimetypeapplication/vnd.oasis.opendocument')) {
      return `ไฟล์ ${name} เป็นเอกสาร OpenDocument ไม่ใช่สมุดงาน กรุณาเลือกไฟล์สมุดงาน .xlsx ที่กรอกข้อมูล ITA`;
    }
    if (has(bytes, 'word/document.xml')) {
      return `ไฟล์ ${name} เป็นเอกสาร Word (.docx) ที่ตั้งชื่อลงท้ายด้วย .xlsx ไม่ใช่สมุดงาน กรุณาเลือกไฟล์สมุดงานที่กรอกข้อมูล ITA`;
    }
    if (has(bytes, 'ppt/presentation.xml')) {
      return `ไฟล์ ${name} เป็นงานนำเสนอ PowerPoint ไม่ใช่สมุดงาน กรุณาเลือกไฟล์สมุดงานที่กรอกข้อมูล ITA`;
    }
    if (!has(bytes, 'xl/workbook.xml')) {
      return `ไฟล์ ${name} เป็นไฟล์บีบอัด (zip) ที่ไม่มีสมุดงานอยู่ข้างใน กรุณาเลือกไฟล์สมุดงาน .xlsx ที่กรอกข้อมูล ITA`;
    }
    return damaged(name);
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return `ไฟล์ ${name} เป็น PDF ไม่ใช่สมุดงาน กรุณาเลือกไฟล์สมุดงาน .xlsx ที่กรอกข้อมูล ITA`;
  }
  const head = bytes.subarray(0, 4096);
  if (!head.includes(0)) {
    return `ไฟล์ ${name} เป็นไฟล์ข้อความ (เช่น CSV) ไม่ใช่สมุดงาน กรุณาเปิดใน Excel หรือ Google ชีต แล้วบันทึกเป็น “สมุดงาน Excel (.xlsx)”`;
  }
  return `ไฟล์ ${name} ไม่ใช่สมุดงาน .xlsx ที่ระบบอ่านได้ กรุณาเปิดใน Excel หรือ Google ชีต แล้วบันทึกเป็น “สมุดงาน Excel (.xlsx)”`;
}
