// The command line, as a user runs it: a separate process on the built local runtime.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { LOG_TAB, TABS } from '../src/core/workbook/contract';
import { COPIED_2568 } from './fixtures/history';
import { cleanupTempDirs, tempDir } from './local/helpers';

const root = join(__dirname, '..');
const examples = join(root, 'examples');
const corrected = join(examples, 'ita-2568-corrected.xlsx');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'local.cjs'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI as a process of its own, not waited for (several run at once). */
function cliAsync(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'local.cjs'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A copy of the corrected example with some cells changed: [sheet, cell, value]. */
async function workbookWith(
  changes: [string, string, ExcelJS.CellValue][],
  name = 'สมุดงาน.xlsx',
): Promise<string> {
  const path = join(tempDir(), name);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(corrected);
  for (const [sheet, cell, value] of changes) book.getWorksheet(sheet)!.getCell(cell).value = value;
  await book.xlsx.writeFile(path);
  return path;
}

/** The run log's rows (values as exceljs reads them), header first. */
async function logRows(path: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: unknown[][] = [];
  book.getWorksheet(LOG_TAB.name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

afterAll(cleanupTempDirs);

describe('usage', () => {
  it('prints help, with every command and option, and exits 0', () => {
    const r = cli('help');
    expect(r.code).toBe(0);
    for (const text of ['init <new.xlsx>', 'validate <workbook.xlsx>', '--json', '--out <dir>'])
      expect(r.stdout).toContain(text);
    expect(r.stdout).toContain('--in-place');
    expect(cli('--help').stdout).toBe(r.stdout);
  });

  it.each([
    [['validate', 'x.xlsx', '--anything']],
    [['validate', 'x.xlsx', '--json=yes']],
    [['generate', 'a.xlsx', '--out']],
    [['generate', 'a.xlsx', 'b.xlsx', '--out', 'o']],
    [['init', 'a.xlsx', '--in-place']],
  ])('rejects an unknown option or argument with exit 2: %j', (args) => {
    const r = cli(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('ดูวิธีใช้ด้วยคำสั่ง npm run -s cli -- help');
  });

  it.each([
    [['validate', 'x.xlsx', '--bogus'], 'itamemo: validate: ไม่รู้จักตัวเลือก --bogus'],
    [['validate', 'x.xlsx', '--json=yes'], 'itamemo: validate: ตัวเลือก --json ไม่รับค่า'],
    [['generate', 'a.xlsx', '--out'], 'itamemo: generate: ตัวเลือก --out ต้องตามด้วยค่า'],
    [
      ['generate', 'a.xlsx'],
      'itamemo: generate: กรุณาระบุ --out <dir> (โฟลเดอร์ที่จะเขียนไฟล์ PDF และ DOCX)',
    ],
    [
      ['generate', 'a.xlsx', 'b.xlsx', '--out', 'o'],
      'itamemo: generate: คำสั่งนี้รับเพียง <workbook.xlsx> แต่มี “b.xlsx” เกินมา',
    ],
    [['validate'], 'itamemo: validate: กรุณาระบุ <workbook.xlsx>'],
    [['validate', 'x.txt'], 'itamemo: “x.txt” ไม่ใช่ไฟล์ .xlsx'],
    [['frobnicate'], 'itamemo: ไม่รู้จักคำสั่ง “frobnicate”'],
    [[], 'itamemo: กรุณาระบุคำสั่ง'],
  ])(
    'says what is wrong with %j in Thai, the option as typed, and where the help is',
    (args, says) => {
      const r = cli(...(args as string[]));
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`${says} ดูวิธีใช้ด้วยคำสั่ง npm run -s cli -- help`);
    },
  );

  it.each([
    [[]],
    [['frobnicate']],
    [['validate']],
    [['validate', 'x.txt']],
    [['generate', 'a.xlsx']],
  ])('exits 2 with one line for %j', (args) => {
    const r = cli(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('init', () => {
  it('writes a workbook with every tab and header of the contract, and never overwrites', async () => {
    const path = join(tempDir(), 'ใหม่.xlsx');
    expect(cli('init', path).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(TABS.map((t) => t.name));
    for (const tab of TABS) {
      const header = (book.getWorksheet(tab.name)?.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, tab.columns.length)).toEqual(tab.columns.map((c) => c.header));
    }
    const again = cli('init', path);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`init: มีไฟล์ ${path} อยู่แล้ว คำสั่งนี้ไม่เขียนทับไฟล์เดิม กรุณาระบุชื่อไฟล์ใหม่`);
  });
});

describe('validate', () => {
  it('reports the seed’s mistakes with their cells and exits 1', () => {
    const r = cli('validate', join(examples, 'ita-2568-published.xlsx'), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      issues: { severity: string; sheet: string; cell: string; rule: string; message: string }[];
      errors: number;
      warnings: number;
    };
    const at = (sheet: string, cell: string) =>
      report.issues.filter((i) => i.sheet === sheet && i.cell === cell);
    expect(at('คะแนน', 'C14')).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'score-arithmetic' }),
    ]);
    expect(at('คะแนน', 'C14')[0].message).toContain('91.68');
    expect(at('ข้อเสนอแนะ', 'C3')[0]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('i4'),
    });
    expect(
      report.issues.some((i) => i.sheet === 'มาตรการ' && i.message.includes('พนักงานเทศบาล')),
    ).toBe(true);
    expect(report.issues.some((i) => i.message.includes('องค์การบริหารส่วนตำบลเมืองกาย'))).toBe(true);
    expect(report.errors).toBe(report.issues.filter((i) => i.severity === 'error').length);
  });

  it('says a tab renamed away from its contract name was most likely renamed, at no cell', async () => {
    const path = join(tempDir(), 'renamed.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(corrected);
    wb.getWorksheet('มาตรการ')!.name = 'Sheet3';
    await wb.xlsx.writeFile(path);
    const r = cli('validate', path);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '[มาตรการ]\n  ข้อผิดพลาด: ไม่พบแท็บ “มาตรการ” แท็บ “Sheet3” มีหัวตารางของ “มาตรการ” อาจถูกเปลี่ยนชื่อ กรุณาเปลี่ยนชื่อกลับเป็น “มาตรการ”\n',
    );
  });

  it('sums up errors, warnings and notes, and lists each tab once (the Garuda’s finding too)', () => {
    const r = cli('validate', join(examples, 'ita-2568-published.xlsx'));
    expect(r.stdout.split('\n')[0]).toBe(
      'ita-2568-published.xlsx: พบข้อผิดพลาด 7 รายการ คำเตือน 23 รายการ ข้อสังเกต 12 รายการ',
    );
    const groups = r.stdout.split('\n').filter((line) => line.startsWith('['));
    expect(groups).toEqual(['[ข้อมูลทั่วไป]', '[ผู้ลงนาม]', '[คะแนน]', '[ข้อเสนอแนะ]', '[มาตรการ]']);
    expect(r.stdout).toContain('(บรรทัดคำสั่ง: เพิ่ม --garuda ไฟล์ตราครุฑ.png)');
  });

  it('finds no error in the corrected example and exits 0', () => {
    const r = cli('validate', join(examples, 'ita-2568-corrected.xlsx'));
    expect(r.code).toBe(0);
    // Its author signs twice (as in the seed) and no Garuda was given: two warnings, and how to
    // add the Garuda from the command line.
    expect(r.stdout).toContain('พบข้อผิดพลาด 0 รายการ คำเตือน 2 รายการ ข้อสังเกต 0 รายการ');
    expect(r.stdout).toContain('--garuda');
  });

  it('takes the Garuda as the sidebar does: kept, and refused in Thai when it is not an image', () => {
    const book = join(examples, 'ita-2568-corrected.xlsx');
    const ok = cli('validate', book, '--garuda', join(examples, 'garuda-sample.png'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('คำเตือน 1 รายการ');
    const bad = cli('validate', book, '--garuda', join(examples, 'ita-2568-published.xlsx'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ไม่ใช่รูปแบบ PNG หรือ JPEG');
    const missing = cli('validate', book, '--garuda', join(examples, 'ไม่มี.png'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('อ่านไฟล์ตราครุฑ');
  });

  // Each used to print a library's English ("Can't find end of central directory … jszip").
  it.each([
    ['password.xlsx', 'ตั้งรหัสผ่านไว้'],
    ['empty.xlsx', 'ว่างเปล่า (ขนาด 0 ไบต์)'],
    ['text.xlsx', 'ไฟล์ข้อความ (เช่น CSV)'],
    ['memo.docx.xlsx', 'เอกสาร Word (.docx)'],
    ['sheet.ods.xlsx', 'สเปรดชีต OpenDocument (.ods)'],
    ['broken.xlsx', 'เสียหรือบันทึกไม่สมบูรณ์'],
  ])('exits 2 with a Thai sentence for %s', async (name, expected) => {
    const dir = tempDir();
    const path = join(dir, name);
    if (name === 'password.xlsx') copyFileSync(join(__dirname, 'fixtures', name), path);
    else if (name === 'empty.xlsx') writeFileSync(path, '');
    else if (name === 'text.xlsx') writeFileSync(path, 'รายการ,ข้อมูล\nชื่อหน่วยงาน,อบต.\n');
    else if (name === 'memo.docx.xlsx') {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<Types/>');
      zip.file('word/document.xml', '<w:document/>');
      writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    } else if (name === 'sheet.ods.xlsx') {
      const zip = new JSZip();
      zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', {
        compression: 'STORE',
      });
      zip.file('content.xml', '<office:document-content/>');
      writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    } else {
      const bytes = readFileSync(corrected);
      writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    }
    const r = cli('validate', path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).toContain(`“${name}”`);
    expect(r.stderr).not.toMatch(/zip|central directory|Error/i);
  });

  it('says a missing file is missing, in the same words as generate and new-year', () => {
    const path = join(tempDir(), 'ไม่มี.xlsx');
    const said = [
      cli('validate', path),
      cli('generate', path, '--out', tempDir()),
      cli('new-year', path),
    ].map((r) => [r.code, r.stderr.trim()]);
    const expected = 'ไม่พบไฟล์ “ไม่มี.xlsx” กรุณาตรวจชื่อไฟล์และโฟลเดอร์ที่เก็บไฟล์';
    for (const [code, stderr] of said) {
      expect(code).toBe(2);
      expect(stderr).toContain(expected);
    }
  });

  it('reports a finding hidden inside a merge at the merge’s first cell, once', async () => {
    const path = await workbookWith([]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    book.getWorksheet('มาตรการ')!.mergeCells('B2:D2');
    await book.xlsx.writeFile(path);
    const r = cli('validate', path, '--json');
    const { issues } = JSON.parse(r.stdout) as { issues: { sheet: string; cell: string }[] };
    const inRow = issues.filter((i) => i.sheet === 'มาตรการ' && /^[A-F]2$/.test(i.cell));
    expect(inRow).toEqual([expect.objectContaining({ cell: 'B2', rule: 'required-cell-empty' })]);
  });

  it('says a formula has no cached value instead of calling its cell empty', async () => {
    const path = await workbookWith([['มาตรการ', 'D2', { formula: 'A1&B1' } as ExcelJS.CellValue]]);
    const r = cli('validate', path, '--json');
    const { issues } = JSON.parse(r.stdout) as {
      issues: { sheet: string; cell: string; rule: string; message: string }[];
    };
    expect(issues.filter((i) => i.cell === 'D2' && i.sheet === 'มาตรการ')).toEqual([
      expect.objectContaining({
        rule: 'cell-error-value',
        message: expect.stringContaining('สูตรที่ยังไม่มีผลลัพธ์'),
      }),
    ]);
  });

  it('reads a date cell no calendar holds as a finding on that cell, not a rejected workbook', async () => {
    const path = await workbookWith([['ข้อมูลทั่วไป', 'B9', 1e308]]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    book.getWorksheet('ข้อมูลทั่วไป')!.getCell('B9').numFmt = 'd/m/yyyy';
    await book.xlsx.writeFile(path);
    const r = cli('validate', path, '--json');
    expect(r.code).toBe(1);
    const { issues } = JSON.parse(r.stdout) as { issues: { sheet: string; cell: string }[] };
    expect(issues.filter((i) => i.cell === 'B9')).toEqual([
      expect.objectContaining({ sheet: 'ข้อมูลทั่วไป', cell: 'B9', rule: 'cell-error-value' }),
    ]);
  });
});

describe('generate', () => {
  it('writes the memo as PDF and DOCX for the corrected example', () => {
    const out = join(tempDir(), 'out');
    const r = cli('generate', join(examples, 'ita-2568-corrected.xlsx'), '--out', out);
    expect(r.code).toBe(0);
    const [pdf, docx, workbook] = r.stdout.trim().split('\n').slice(-3);
    expect(pdf).toMatch(/\.pdf$/);
    expect(docx).toMatch(/\.docx$/);
    for (const p of [pdf, docx, workbook]) expect(existsSync(p)).toBe(true);
  });

  it('prints the warnings it generated with (no Garuda, an author who signs twice)', async () => {
    const out = join(tempDir(), 'out');
    const r = cli('generate', corrected, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('พบข้อผิดพลาด 0 รายการ คำเตือน 2 รายการ ข้อสังเกต 0 รายการ');
    expect(r.stdout).toContain('ตราครุฑ');
    const rows = await logRows(join(out, basename(corrected)));
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows[1])).toContain('สร้างโดยมีคำเตือน 2 รายการ');
  });

  it('writes nothing and exits 1 when the workbook has errors', () => {
    const out = join(tempDir(), 'out');
    const r = cli('generate', join(examples, 'ita-2568-published.xlsx'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('C14');
    expect(existsSync(out)).toBe(false);
  });

  it('writes nothing at all on exit 1, neither in place nor into an existing folder', async () => {
    // A template that is not a Doc link: generate would refuse it, so validate reports it.
    const path = await workbookWith([['ข้อมูลทั่วไป', 'B14', 'abc']]);
    const before = readFileSync(path);
    const out = tempDir();
    const r = cli('generate', path, '--out', out, '--in-place');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('B14');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(out).filter((f) => f !== '.drive')).toEqual([]);
  });

  it('refuses in Thai to write its workbook copy over the input (--out is the workbook’s folder)', async () => {
    const path = await workbookWith([]);
    const folder = join(path, '..');
    const before = readFileSync(path);
    const r = cli('generate', path, '--out', folder);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('เป็นโฟลเดอร์เดียวกับที่เก็บสมุดงาน');
    expect(r.stderr).toContain('--in-place');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(folder)).toEqual([basename(path)]);
    // With --in-place the same folder is what the user asked for: the run is logged in the input.
    const inPlace = cli('generate', path, '--out', folder, '--in-place');
    expect(inPlace.code).toBe(0);
    expect(inPlace.stdout.trim().split('\n').at(-1)).toBe(path);
  });

  it('names the files of a long office name within 255 bytes, with its / escaped', async () => {
    const office = `องค์การบริหารส่วนตำบลเมือง/เก่า${'ใหม่ยิ่งใหญ่ไพศาล'.repeat(4)}`;
    const path = await workbookWith([
      ['ข้อมูลทั่วไป', 'B2', office],
      ['ข้อมูลทั่วไป', 'B11', `นายก${office}`],
    ]);
    const out = join(tempDir(), 'out');
    const r = cli('generate', path, '--out', out);
    expect(r.stderr).not.toContain('ENAMETOOLONG');
    expect(r.code).toBe(0);
    const [pdf, docx] = r.stdout.trim().split('\n').slice(-3);
    for (const file of [pdf, docx]) {
      const name = file.slice(out.length + 1);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
      expect(name).toContain('เมือง∕เก่า');
      expect(statSync(file).size).toBeGreaterThan(1000);
    }
  });

  it('links the run log offline to the files it wrote, relative to the workbook', async () => {
    const out = join(tempDir(), 'out');
    const r = cli('generate', corrected, '--out', out);
    expect(r.code).toBe(0);
    const [pdf, docx, workbook] = r.stdout.trim().split('\n').slice(-3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    const log = book.getWorksheet(LOG_TAB.name)!;
    const last = log.getRow(log.rowCount);
    const header = (log.getRow(1).values as unknown[]).slice(1);
    const at = (h: string) =>
      last.getCell(header.indexOf(h) + 1).value as ExcelJS.CellHyperlinkValue;
    expect(decodeURIComponent(at('เอกสาร').hyperlink)).toBe(docx.slice(out.length + 1));
    expect(decodeURIComponent(at('PDF').hyperlink)).toBe(pdf.slice(out.length + 1));
    expect(JSON.stringify(log.getSheetValues())).not.toContain('docs.google.com');
  });
});

describe('two or more runs at once', () => {
  it('keeps every run of four parallel generate --in-place in ประวัติ, and every memo', async () => {
    const path = await workbookWith([]);
    const out = join(tempDir(), 'out');
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() => cliAsync(['generate', path, '--out', out, '--in-place'])),
    );
    for (const run of runs) expect(run).toMatchObject({ code: 0 });
    const rows = (await logRows(path)).slice(1);
    expect(rows).toHaveLength(4);
    const pdfs = runs.map((run) => run.stdout.trim().split('\n').slice(-3)[0]);
    expect(new Set(pdfs).size).toBe(4);
    for (const pdf of pdfs) expect(existsSync(pdf)).toBe(true);
  }, 240_000);

  it('never lets two memos of the same second overwrite each other in one folder', async () => {
    const path = await workbookWith([]);
    const out = join(tempDir(), 'out');
    const env = { ITAMEMO_NOW: '2025-11-25T07:05:09Z' };
    const runs = await Promise.all(
      [1, 2].map(() => cliAsync(['generate', path, '--out', out], env)),
    );
    for (const run of runs) expect(run).toMatchObject({ code: 0 });
    const names = readdirSync(out)
      .filter((f) => f.endsWith('.pdf'))
      .sort();
    expect(names).toEqual([
      'บันทึกข้อความ ITA ปีงบประมาณ 2568 องค์การบริหารส่วนตำบลเมืองเก่า 25 พ.ย. 2568 เวลา 14.05.09 (2).pdf',
      'บันทึกข้อความ ITA ปีงบประมาณ 2568 องค์การบริหารส่วนตำบลเมืองเก่า 25 พ.ย. 2568 เวลา 14.05.09.pdf',
    ]);
  }, 120_000);
});

// ---- new-year and restore-year ----------------------------------------------------------

async function book(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every value of a worksheet, as rows of plain values. */
function grid(ws: ExcelJS.Worksheet | undefined): unknown[][] {
  const rows: unknown[][] = [];
  ws?.eachRow((row, r) => {
    rows[r - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

describe('new-year and restore-year', () => {
  const dir = tempDir();
  const input = join(dir, 'ita.xlsx');
  const next = join(dir, 'ita-2569.xlsx');
  copyFileSync(join(examples, 'ita-2568-corrected.xlsx'), input);
  const original = readFileSync(input);

  it('prints what it will do and changes nothing without --yes (no terminal to ask)', () => {
    const r = cli('new-year', input);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('เริ่มปีงบประมาณ 2569 ต่อจากปีงบประมาณ 2568 ระบบจะดำเนินการดังนี้');
    expect(r.stderr).toContain('ยังไม่ได้เปลี่ยนแปลงอะไร');
    expect(r.stdout).toContain('\nต้องการเริ่มปีงบประมาณ 2569 หรือไม่');
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  it('with --yes --out writes the next year’s workbook and leaves the input alone', async () => {
    const r = cli('new-year', input, '--yes', '--out', next);
    expect(r.code).toBe(0);
    // --yes answered already: the plan without its question, its menu advice with the command.
    expect(r.stdout).not.toContain('ต้องการเริ่มปีงบประมาณ 2569 หรือไม่');
    expect(r.stdout).toContain(
      'หากเปลี่ยนใจภายหลัง ใช้เมนู “ยกเลิกการเริ่มปีงบประมาณใหม่” ได้ ตราบที่ยังไม่ได้กรอกข้อมูลของปี 2569 (บรรทัดคำสั่ง: restore-year <workbook.xlsx>)\n',
    );
    expect(r.stdout.trim().split('\n').at(-1)).toBe(next);
    expect(readFileSync(input).equals(original)).toBe(true);
    const wb = await book(next);
    const general = grid(wb.getWorksheet('ข้อมูลทั่วไป'));
    expect(general.find((row) => row?.[0] === 'ปีงบประมาณ')?.[1]).toBe(2569);
    for (const name of ['คะแนน ปี 2568', 'ข้อเสนอแนะ ปี 2568', 'มาตรการ ปี 2568']) {
      expect(wb.getWorksheet(name)?.state).toBe('hidden');
    }
    expect(grid(wb.getWorksheet('ผลย้อนหลัง')).map((row) => [row[0], row[2]])).toEqual(COPIED_2568);
    expect(grid(wb.getWorksheet('มาตรการ')).filter((row) => row)).toHaveLength(1);
  });

  it('refuses to run twice, in Thai, exit 1, the file untouched', () => {
    const before = readFileSync(next);
    const r = cli('new-year', next, '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ระบบจึงไม่เริ่มปีใหม่ซ้ำ');
    expect(readFileSync(next).equals(before)).toBe(true);
  });

  it('restore-year brings the year back: the same values as before, and validate passes', async () => {
    const r = cli('restore-year', next, '--yes');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('กลับไปที่ปีงบประมาณ 2568 แล้ว');
    const [was, is] = [await book(input), await book(next)];
    for (const tab of ['ข้อมูลทั่วไป', 'ผู้ลงนาม', 'คะแนน', 'ข้อเสนอแนะ', 'มาตรการ']) {
      expect(grid(is.getWorksheet(tab))).toEqual(grid(was.getWorksheet(tab)));
    }
    expect(is.worksheets.map((w) => w.name)).not.toContain('คะแนน ปี 2568');
    expect(cli('validate', next).code).toBe(0);
  });

  it('restore-year, a process of its own, puts back the ลิงก์เผยแพร่ new-year cleared', async () => {
    const link = 'https://drive.google.com/file/d/abc2568/view';
    const path = await workbookWith([['ข้อมูลทั่วไป', 'B19', link]], 'linked.xlsx');
    expect(cli('new-year', path, '--yes').code).toBe(0);
    expect(grid((await book(path)).getWorksheet('ข้อมูลทั่วไป'))[18][1]).toBeUndefined();
    const r = cli('restore-year', path, '--yes');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `ใส่ “ลิงก์เผยแพร่” ของปี 2568 (${link}) กลับในแท็บ “ข้อมูลทั่วไป” ตามที่บันทึกไว้ในแท็บ “ประวัติ”`,
    );
    const general = grid((await book(path)).getWorksheet('ข้อมูลทั่วไป'));
    expect(general[18]).toEqual(['ลิงก์เผยแพร่', link]);
  });

  it('refuses a workbook with errors in คะแนน, naming the cell', () => {
    const published = join(dir, 'published.xlsx');
    copyFileSync(join(examples, 'ita-2568-published.xlsx'), published);
    const r = cli('new-year', published, '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('คะแนน!C14:');
  });

  it.each([[['new-year']], [['new-year', 'a.txt']], [['new-year', 'a.xlsx', '--force']]])(
    'exits 2 with one line for %j',
    (args) => {
      const r = cli(...(args as string[]));
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    },
  );
});

describe('the review loop from the command line', () => {
  const HEAD = 'head@muangkao.go.th';
  const PALAD = 'palad@muangkao.go.th';
  const NAYOK = 'nayok@muangkao.go.th';
  const reviewers: [string, string, ExcelJS.CellValue][] = [
    ['ผู้ลงนาม', 'G3', HEAD],
    ['ผู้ลงนาม', 'G4', PALAD],
    ['ผู้ลงนาม', 'G5', NAYOK],
  ];
  const col = (header: string) => LOG_TAB.columns.findIndex((c) => c.header === header);

  it('generate, send, comment, fix, refill, resolve, approve, publish twice: the same file each time', async () => {
    const book = await workbookWith(reviewers);
    const out = join(tempDir(), 'out');
    const ok = (...args: string[]) => {
      const r = cli(...args);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      return r.stdout.trim();
    };
    ok('generate', book, '--out', out, '--in-place');
    expect(ok('send', book, '--out', out)).toContain('ส่งขอความเห็นแล้ว 3 ราย');
    const first = ok(
      'comment',
      book,
      '--out',
      out,
      '--as',
      HEAD,
      '--on',
      'การยกระดับผลการประเมิน ITA',
      '--text',
      'ระบุกองด้วย',
    );
    ok(
      'comment',
      book,
      '--out',
      out,
      '--as',
      PALAD,
      '--on',
      'ผลการประเมินอยู่ในระดับ ผ่าน',
      '--text',
      'ใส่คะแนน',
    );
    expect(first).toMatch(/^AAAA\d+$/);
    // The memo's row caught up with the comments, as the sidebar of its maker would.
    let rows = await logRows(book);
    expect(rows[1][col('สถานะบันทึกข้อความ')]).toBe('มีความเห็นค้าง 2');
    // Staff fix the sheet, then refill the same Doc.
    const fixed = new ExcelJS.Workbook();
    await fixed.xlsx.readFile(book);
    fixed.getWorksheet('มาตรการ')!.getCell('F2').value = 'ผลการประเมินอยู่ในระดับ ผ่าน (๙๓.๕๓ คะแนน)';
    await fixed.xlsx.writeFile(book);
    ok('generate', book, '--out', out, '--in-place', '--same-doc');
    rows = await logRows(book);
    const docId = rows[1][col('รหัสเอกสาร')];
    expect(rows[3][col('การดำเนินการ')]).toBe('สร้างใหม่ในเอกสารเดิม');
    expect(rows[3][col('รหัสเอกสาร')]).toBe(docId);
    // Offline, the memo's row links to its files; the Doc's ID is still there for the next steps.
    expect(rows[1][col('เอกสาร')]).toMatchObject({ text: expect.stringMatching(/\.docx$/) });
    // Approval while comments are open asks first.
    const asked = cli('approve', book, '--out', out, '--as', NAYOK);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('บันทึกข้อความยังมีความเห็นค้าง 2 รายการ');
    expect(asked.stderr).toContain('(ใช้ --yes เพื่อยืนยัน)');
    expect(ok('comment', book, '--out', out, '--resolve', 'all').split('\n')).toHaveLength(2);
    expect(ok('approve', book, '--out', out, '--as', NAYOK)).toContain('บันทึกการอนุมัติแล้ว');
    const one = JSON.parse(ok('publish', book, '--out', out, '--json'));
    const two = JSON.parse(ok('publish', book, '--out', out, '--json'));
    expect(one).toEqual({
      id: expect.any(String),
      path: join(out, 'รายงานผล ITA ปีงบประมาณ 2568 องค์การบริหารส่วนตำบลเมืองเก่า.pdf'),
      url: `https://drive.google.com/file/d/${one.id}/view?usp=drivesdk`,
      revision: 1,
    });
    expect(two).toEqual({ ...one, revision: 2 });
    expect(readFileSync(two.path).subarray(0, 5).toString()).toBe('%PDF-');
    rows = await logRows(book);
    expect(rows.slice(1).map((r) => r[col('การดำเนินการ')])).toEqual([
      'สร้างบันทึกข้อความ',
      'ส่งขอความเห็น',
      'สร้างใหม่ในเอกสารเดิม',
      'อนุมัติ',
      'เผยแพร่ฉบับอนุมัติ',
      'เผยแพร่ฉบับอนุมัติ',
    ]);
    expect(rows[1][col('สถานะบันทึกข้อความ')]).toBe('เผยแพร่แล้ว');
    expect(rows[1].slice(col('ความเห็นค้าง'), col('ความเห็นแก้แล้ว') + 1)).toEqual([0, 2]);
    // The publication's PDF cell links to the file in the folder, offline.
    expect(rows[6][col('PDF')]).toMatchObject({
      text: 'รายงานผล ITA ปีงบประมาณ 2568 องค์การบริหารส่วนตำบลเมืองเก่า.pdf',
    });
  }, 300_000);

  it('two publications at once take turns: both recorded, revisions 1 and 2 of one file', async () => {
    const book = await workbookWith(reviewers);
    const out = join(tempDir(), 'out');
    for (const args of [
      ['generate', book, '--out', out, '--in-place'],
      ['send', book, '--out', out],
      ['approve', book, '--out', out, '--as', NAYOK],
    ])
      expect(cli(...args).code).toBe(0);
    const runs = await Promise.all(
      [1, 2].map(() => cliAsync(['publish', book, '--out', out, '--json'])),
    );
    for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: '' });
    const published = runs.map((r) => JSON.parse(r.stdout));
    expect(new Set(published.map((p) => p.id)).size).toBe(1);
    expect(published.map((p) => p.revision).sort()).toEqual([1, 2]);
    const rows = (await logRows(book)).slice(1);
    expect(rows.filter((r) => r[col('การดำเนินการ')] === 'เผยแพร่ฉบับอนุมัติ')).toHaveLength(2);
  }, 300_000);

  it('says in Thai what is missing, and writes nothing', async () => {
    const book = await workbookWith([]);
    const out = join(tempDir(), 'out');
    const before = readFileSync(book);
    const none = cli('publish', book, '--out', out);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`ไม่พบบันทึกข้อความในโฟลเดอร์ “${out}”`);
    // A memo written to the folder but not recorded in the workbook (no --in-place).
    expect(cli('generate', book, '--out', out).code).toBe(0);
    expect(cli('comment', book, '--out', out, '--on', 'ITA', '--text', 'x').stderr).toContain(
      'ยังไม่มีบันทึกข้อความที่สร้างสำเร็จในแท็บประวัติ กรุณาใช้ generate --in-place ก่อน',
    );
    expect(cli('send', book, '--out', out).stderr.trim()).toBe(
      'ยังไม่มีบันทึกข้อความที่สร้างสำเร็จในแท็บประวัติ กรุณาใช้เมนู “สร้างบันทึกข้อความ” ก่อนส่งขอความเห็น (บรรทัดคำสั่ง: generate <workbook.xlsx> --out <dir> --in-place)',
    );
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(cli('generate', book, '--out', out, '--in-place').code).toBe(0);
    // The person who made it may comment; on text that is there, and on comments that exist.
    expect(
      cli('comment', book, '--out', out, '--on', 'ไม่มีข้อความนี้', '--text', 'x').stderr,
    ).toContain('ไม่พบข้อความ “ไม่มีข้อความนี้” ในบันทึกข้อความ (ความเห็นต้องอยู่บนข้อความในย่อหน้าเดียว)');
    // Past the last appearance of a word that is there: how many times it is, not “not found”.
    const on = ['comment', book, '--out', out, '--on', 'ดำเนินการ', '--text', 'x'];
    const past = cli(...on, '--occurrence', '999');
    const many =
      /^พบ “ดำเนินการ” ในบันทึกข้อความเพียง (\d+) แห่ง จึงไม่มีแห่งที่ 999 กรุณาระบุ --occurrence ตั้งแต่ 1 ถึง (\d+)$/.exec(
        past.stderr.trim(),
      );
    expect([past.code, past.stderr, many?.[1]]).toEqual([1, expect.any(String), many?.[2]]);
    expect(many).not.toBeNull();
    expect(Number(many![1])).toBeGreaterThan(1);
    expect(cli('comment', book, '--out', out, '--reply', 'AAAA0', '--text', 'x').stderr).toContain(
      'ไม่พบความเห็นรหัส AAAA0 ในบันทึกข้อความ',
    );
    const unsent = readFileSync(book);
    const publish = cli('publish', book, '--out', out);
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain('บันทึกข้อความฉบับล่าสุดยังไม่ได้รับอนุมัติ (สถานะ: ร่าง)');
    // The bundle's advice names a menu item; the command line adds its own equivalent.
    expect(publish.stderr.trim()).toMatch(
      /กรุณาให้ผู้สั่งการใช้เมนู “อนุมัติ” ก่อน \(บรรทัดคำสั่ง: approve <workbook\.xlsx> --out <dir> --as <อีเมลผู้สั่งการ>\)$/,
    );
    const noReviewers = cli('send', book, '--out', out);
    expect(noReviewers.stderr).toContain('ยังไม่มีอีเมลของผู้ให้ความเห็นหรือผู้สั่งการ');
    const notShared = cli(
      'comment',
      book,
      '--out',
      out,
      '--as',
      HEAD,
      '--on',
      'ITA',
      '--text',
      'x',
    );
    expect(notShared.code).toBe(1);
    expect(notShared.stderr).toContain(`${HEAD} ยังไม่มีสิทธิ์แสดงความคิดเห็นในบันทึกข้อความนี้`);
    expect(readFileSync(book).equals(unsent)).toBe(true);
    expect(before.equals(unsent)).toBe(false);
    expect(cli('approve', book, '--out', out, '--as', 'nayok').stderr).toContain(
      'approve: --as ต้องตามด้วยอีเมล เช่น --as nayok@example.go.th',
    );
    expect(cli('comment', book, '--out', out, '--text', 'x').stderr).toContain(
      'comment: กรุณาระบุอย่างใดอย่างหนึ่งเท่านั้น: --on <text>, --reply <id> หรือ --resolve <id|all>',
    );
  }, 120_000);
});
