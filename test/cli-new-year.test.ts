// `new-year` and `restore-year` on .xlsx files, as a user runs them: a separate process.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
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

afterAll(cleanupTempDirs);

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
    expect(grid(wb.getWorksheet('ผลย้อนหลัง')).map((row) => [row[0], row[2]])).toEqual([
      ['รหัส', 2568],
      ['ITA', 93.53],
      ['IIT', 91.33],
      ['EIT', 89.61],
      ['EIT1', 81.66],
      ['EIT2', 97.56],
      ['OIT', 98.13],
    ]);
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
