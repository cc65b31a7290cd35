// The command line, as a user runs it: a separate process on the built local runtime.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { TABS } from '../src/core/workbook/contract';
import { COPIED_2568 } from './fixtures/history';
import { cleanupTempDirs, tempDir } from './local/helpers';

const root = join(__dirname, '..');
const examples = join(root, 'examples');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'local.cjs'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(cleanupTempDirs);

describe('usage', () => {
  it('prints help and exits 0', () => {
    const r = cli('help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('validate <workbook.xlsx> [--json]');
  });

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
    expect(cli('init', path).code).toBe(2);
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

  it('finds nothing wrong in the corrected example and exits 0', () => {
    const r = cli('validate', join(examples, 'ita-2568-corrected.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ไม่พบข้อผิดพลาด');
  });

  it('exits 2 for a file that is not a workbook', () => {
    const path = join(tempDir(), 'เสีย.xlsx');
    writeFileSync(path, 'not a zip');
    const r = cli('validate', path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
  });
});

describe('generate', () => {
  it('writes the memo as PDF and DOCX for the corrected example', () => {
    const out = join(tempDir(), 'out');
    const r = cli('generate', join(examples, 'ita-2568-corrected.xlsx'), '--out', out);
    expect(r.code).toBe(0);
    const [pdf, docx, workbook] = r.stdout.trim().split('\n');
    expect(pdf).toMatch(/\.pdf$/);
    expect(docx).toMatch(/\.docx$/);
    for (const p of [pdf, docx, workbook]) expect(existsSync(p)).toBe(true);
  });

  it('writes nothing and exits 1 when the workbook has errors', () => {
    const out = join(tempDir(), 'out');
    const r = cli('generate', join(examples, 'ita-2568-published.xlsx'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('C14');
    expect(existsSync(out)).toBe(false);
  });
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
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  it('with --yes --out writes the next year’s workbook and leaves the input alone', async () => {
    const r = cli('new-year', input, '--yes', '--out', next);
    expect(r.code).toBe(0);
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
