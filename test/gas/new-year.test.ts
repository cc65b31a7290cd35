// "เริ่มปีงบประมาณใหม่" and its undo on the built bundle: what the confirmation says, what is
// copied, archived and cleared, the refusal to run twice, the undo (restore), bad input, staff
// formatting, a failure midway, and the number of service calls.
import { Range } from '../../src/local/services/spreadsheet/range';
import type { Runtime } from '../../src/local/runtime';
import type { YearStepAnswer } from '../../src/shared/new-year-api';
import type {
  GenerateResult,
  PublishResult,
  ReviewState,
  StepResult,
} from '../../src/shared/sidebar-api';
import { COPIED_2568, historyTab, RISING } from '../fixtures/history';
import { cleanupTempDirs } from '../local/helpers';
import { runtimeOn, values } from './harness';
import { general, NAYOK, office, setGeneral } from './review-helpers';

afterAll(cleanupTempDirs);

/** SpreadsheetApp calls of the undo on the example (docs/year-over-year.md quotes it). */
// +1: SpreadsheetApp.flush() before the document lock is released (Lock reference).
const UNDO_CALLS = 108;
const TABS = ['ข้อมูลทั่วไป', 'ผู้ลงนาม', 'คะแนน', 'ข้อเสนอแนะ', 'มาตรการ', 'ประวัติ'];
const ARCHIVES = ['คะแนน ปี 2568', 'ข้อเสนอแนะ ปี 2568', 'มาตรการ ปี 2568'];

type Rt = Awaited<ReturnType<typeof runtimeOn>>;

/** Everything staff could see of a tab: values, notes, fills, widths, hidden. */
function snapshot(rt: Runtime, name: string) {
  const sheet = rt.spreadsheet.getSheetByName(name);
  if (!sheet) return null;
  const range = sheet.getDataRange();
  const columns = range.getNumColumns();
  return {
    values: range.getValues(),
    notes: range.getNotes(),
    backgrounds: range.getBackgrounds(),
    widths: Array.from({ length: columns }, (_, i) => sheet.getColumnWidth(i + 1)),
    frozen: sheet.getFrozenRows(),
  };
}

function snapshots(rt: Runtime, names: string[]) {
  return Object.fromEntries(names.map((n) => [n, snapshot(rt, n)]));
}

function sheetNames(rt: Runtime): string[] {
  return rt.spreadsheet.getSheets().map((s) => s.getName());
}

function fiscalYear(rt: Runtime): unknown {
  return values(rt, 'ข้อมูลทั่วไป').find((r) => r[0] === 'ปีงบประมาณ')?.[1];
}

/** A tab made by the test itself (not counted as the add-on's calls). */
function addTab(rt: Runtime, name: string, rows: unknown[][]): void {
  const sheet = rt.spreadsheet.insertSheet(name);
  const width = Math.max(...rows.map((r) => r.length));
  sheet
    .getRange(1, 1, rows.length, width)
    .setValues(rows.map((r) => [...r, ...new Array(width - r.length).fill('')]));
}

const start = (rt: Rt) => {
  const check = rt.run<YearStepAnswer>('newYearCheck');
  if (check.status !== 'confirm') throw new Error(check.message);
  return rt.run<YearStepAnswer>('newYearStart', check.fiscalYear);
};

describe('เริ่มปีงบประมาณใหม่ on the corrected example with ผลย้อนหลัง for 2566 and 2567', () => {
  let rt: Rt;
  let before: ReturnType<typeof snapshots>;
  let check: YearStepAnswer;
  let done: YearStepAnswer;
  let calls: Record<string, number>;
  let undoCalls: Record<string, number>;

  beforeAll(async () => {
    rt = await runtimeOn('ita-2568-corrected');
    addTab(rt, 'ผลย้อนหลัง', historyTab(RISING));
    before = snapshots(rt, [...TABS, 'ผลย้อนหลัง']);
    check = rt.run<YearStepAnswer>('newYearCheck');
    rt.calls.reset();
    done = rt.run<YearStepAnswer>('newYearStart', 2568);
    calls = rt.calls.snapshot();
  });

  it('says exactly what will be copied, archived, cleared and changed, before changing anything', () => {
    expect(check).toEqual({
      status: 'confirm',
      fiscalYear: 2568,
      message: [
        'เริ่มปีงบประมาณ 2569 ต่อจากปีงบประมาณ 2568 ระบบจะดำเนินการดังนี้',
        '1. คัดลอกคะแนนปี 2568 จำนวน 6 รายการ (ITA, IIT, EIT, EIT1, EIT2 และ OIT) ไปไว้ในคอลัมน์ “2568” ใหม่ของแท็บ “ผลย้อนหลัง”',
        '2. เก็บสำเนาแท็บ “คะแนน” “ข้อเสนอแนะ” และ “มาตรการ” ของปี 2568 ไว้ครบทุกเซลล์ในแท็บที่ซ่อนไว้ชื่อ “คะแนน ปี 2568” “ข้อเสนอแนะ ปี 2568” และ “มาตรการ ปี 2568” (เซลล์ที่เป็นสูตรเก็บเป็นค่าที่คำนวณได้ในขณะนั้น เพื่อไม่ให้เปลี่ยนตามข้อมูลปีใหม่)',
        '3. ล้างคะแนน 19 แถวในแท็บ “คะแนน” (รหัสและรายการคงไว้) ข้อเสนอแนะ 18 แถวในแท็บ “ข้อเสนอแนะ” และมาตรการ 5 แถวในแท็บ “มาตรการ”',
        '4. เปลี่ยนปีงบประมาณในแท็บ “ข้อมูลทั่วไป” จาก 2568 เป็น 2569',
        'หากเปลี่ยนใจภายหลัง ใช้เมนู “ยกเลิกการเริ่มปีงบประมาณใหม่” ได้ ตราบที่ยังไม่ได้กรอกข้อมูลของปี 2569',
        'ต้องการเริ่มปีงบประมาณ 2569 หรือไม่',
      ].join('\n'),
    });
    expect(done.status).toBe('done');
    expect(done.message).toContain('“คะแนน ปี 2568” “ข้อเสนอแนะ ปี 2568” และ “มาตรการ ปี 2568”');
  });

  it('copies this year’s ITA, tool and part scores into a new column 2568 of ผลย้อนหลัง', () => {
    expect(values(rt, 'ผลย้อนหลัง')).toEqual([
      ['รหัส', 'รายการ', 2566, '๒๕๖๗', 2568],
      ['ITA', 'คะแนนรวม ITA', 82.43, 87.79, 93.53],
      ['IIT', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)', 85.4, 88.52, 91.33],
      ['EIT', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)', 79.35, 84.1, 89.61],
      ['EIT1', 'EIT ส่วนที่ ๑ (ผู้รับบริการตอบด้วยตนเอง)', '', 80.2, 81.66],
      ['EIT2', 'EIT ส่วนที่ ๒ (ผู้ประเมินจัดเก็บข้อมูล)', '', 88, 97.56],
      ['OIT', 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)', 82.5, 90.01, 98.13],
    ]);
    const sheet = rt.spreadsheet.getSheetByName('ผลย้อนหลัง')!;
    expect(sheet.getRange('E2').getDisplayValue()).toBe('93.53');
    expect(sheet.getRange('E3').getDataValidation()?.getCriteriaType()).toBe('NUMBER_BETWEEN');
  });

  it('archives คะแนน, ข้อเสนอแนะ and มาตรการ whole, in hidden tabs named with the year', () => {
    expect(sheetNames(rt)).toEqual([...TABS, 'ผลย้อนหลัง', ...ARCHIVES]);
    for (const [archive, tab] of [
      ['คะแนน ปี 2568', 'คะแนน'],
      ['ข้อเสนอแนะ ปี 2568', 'ข้อเสนอแนะ'],
      ['มาตรการ ปี 2568', 'มาตรการ'],
    ]) {
      expect(rt.spreadsheet.getSheetByName(archive)?.isSheetHidden()).toBe(true);
      expect(snapshot(rt, archive)).toEqual(before[tab]);
    }
  });

  it('clears the scores (codes and names stay), the recommendations and the measures', () => {
    const scores = values(rt, 'คะแนน');
    expect(scores.map((r) => r.slice(0, 2))).toEqual(
      (before['คะแนน']!.values as unknown[][]).map((r) => r.slice(0, 2)),
    );
    expect(scores.slice(1).every((r) => r[2] === '')).toBe(true);
    expect(values(rt, 'ข้อเสนอแนะ')).toEqual([before['ข้อเสนอแนะ']!.values[0]]);
    expect(values(rt, 'มาตรการ')).toEqual([before['มาตรการ']!.values[0]]);
    // The tabs themselves, their headers and widths stay.
    expect(snapshot(rt, 'มาตรการ')!.widths).toEqual(before['มาตรการ']!.widths);
  });

  it('moves ปีงบประมาณ on by one and records the run in ประวัติ', () => {
    expect(fiscalYear(rt)).toBe(2569);
    const log = values(rt, 'ประวัติ');
    expect(log.at(-1)?.slice(2, 6)).toEqual(['เริ่มปีงบประมาณใหม่', '', '', 'สำเร็จ']);
    expect(log.at(-1)?.[8]).toContain('ปีงบประมาณ 2568 → 2569');
  });

  it('reads each tab once and writes in batches: the count does not grow with the rows', async () => {
    // One read per tab (6 + ผลย้อนหลัง), and the log's own read before its row is appended.
    expect(calls['SpreadsheetApp Range.getValues']).toBe(8);
    expect(calls['SpreadsheetApp Sheet.copyTo']).toBe(3);
    expect(calls['SpreadsheetApp Range.clearContent']).toBe(3);
    expect(calls['SpreadsheetApp Range.setValues']).toBe(2); // the year's column, the log row
    const total = Object.entries(calls)
      .filter(([k]) => k.startsWith('SpreadsheetApp '))
      .reduce((n, [, v]) => n + v, 0);
    // The same step on a workbook with 200 measures and 150 recommendations.
    const big = await runtimeOn('ita-2568-corrected');
    addTab(big, 'ผลย้อนหลัง', historyTab(RISING));
    const measures = values(big, 'มาตรการ');
    const recs = values(big, 'ข้อเสนอแนะ');
    const grow = (rows: unknown[][], n: number) => [
      rows[0],
      ...Array.from({ length: n }, (_, i) => rows[1 + (i % (rows.length - 1))]),
    ];
    big.spreadsheet
      .getSheetByName('มาตรการ')!
      .getRange(1, 1, 201, 6)
      .setValues(grow(measures, 200));
    big.spreadsheet.getSheetByName('ข้อเสนอแนะ')!.getRange(1, 1, 151, 4).setValues(grow(recs, 150));
    big.calls.reset();
    expect(big.run<YearStepAnswer>('newYearStart', 2568).status).toBe('done');
    expect(big.calls.count('SpreadsheetApp')).toBe(total);
    expect(values(big, 'มาตรการ')).toHaveLength(1);
  });

  it('refuses to run twice for the same year, saying why in Thai, and changes nothing', () => {
    const now = snapshots(rt, sheetNames(rt));
    const again = rt.run<YearStepAnswer>('newYearCheck');
    expect(again).toEqual({
      status: 'refused',
      message:
        'ปีงบประมาณ 2569 เพิ่งเริ่มไปแล้ว (ข้อมูลปี 2568 เก็บไว้ในแท็บ “คะแนน ปี 2568” “ข้อเสนอแนะ ปี 2568” และ “มาตรการ ปี 2568”) และแท็บ “คะแนน” ยังไม่มีคะแนนของปี 2569 ระบบจึงไม่เริ่มปีใหม่ซ้ำ เมื่อกรอกคะแนนปี 2569 และส่งรายงานแล้ว จึงค่อยเริ่มปีงบประมาณ 2570',
    });
    // Confirmed for 2568 a second time (e.g. a second click on an old dialog): refused too.
    expect(rt.run<YearStepAnswer>('newYearStart', 2568).status).toBe('refused');
    expect(snapshots(rt, sheetNames(rt))).toEqual(now);
  });

  it('a staff tab named like a copy: says the name is taken and what to rename, in both commands', async () => {
    // (This test used to expect "already started … use ยกเลิก", which ยกเลิก could not help with.)
    const other = await runtimeOn('ita-2568-corrected');
    expect(start(other).status).toBe('done');
    other.run('newYearRestore', 2568); // undone by the add-on …
    addTab(other, 'คะแนน ปี 2568', [['x']]); // … and staff make a tab of that name
    const taken =
      'แท็บ “คะแนน ปี 2568” มีชื่อตรงกับแท็บที่ส่วนเสริมใช้เก็บข้อมูลปีงบประมาณ 2568 แต่ไม่ใช่สำเนาที่ส่วนเสริมสร้าง (หัวตารางไม่ตรงกับแท็บต้นฉบับ) ส่วนเสริมจึงไม่แตะต้องแท็บนี้ กรุณาเปลี่ยนชื่อแท็บดังกล่าว เช่น เป็น “คะแนน ปี 2568 (เดิม)” แล้วสั่งอีกครั้ง';
    expect(other.run<YearStepAnswer>('newYearCheck')).toEqual({
      status: 'refused',
      message: taken,
    });
    expect(other.run<YearStepAnswer>('newYearRestoreCheck')).toEqual({
      status: 'refused',
      message: taken,
    });
    // Renamed as told, the year starts.
    other.spreadsheet.getSheetByName('คะแนน ปี 2568')!.setName('คะแนน ปี 2568 (เดิม)');
    expect(start(other).status).toBe('done');
  });

  it('ปีงบประมาณ set back by hand after a start: points to ยกเลิก, which brings the year back', async () => {
    const other = await runtimeOn('ita-2568-corrected');
    const before = snapshots(other, TABS.slice(0, 5));
    expect(start(other).status).toBe('done');
    const general = other.spreadsheet.getSheetByName('ข้อมูลทั่วไป')!;
    const row = values(other, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === 'ปีงบประมาณ') + 1;
    general.getRange(row, 2).setValue(2568);
    const refused = other.run<YearStepAnswer>('newYearCheck');
    expect(refused.status).toBe('refused');
    expect(refused.message).toContain('ปีงบประมาณ 2568 ถูกเก็บไว้แล้วในแท็บ “คะแนน ปี 2568”');
    expect(refused.message).toContain(
      'ให้ใช้เมนู “ยกเลิกการเริ่มปีงบประมาณใหม่” เพื่อนำข้อมูลปี 2568 จากแท็บเหล่านั้นกลับมาก่อน แล้วจึงเริ่มปีงบประมาณ 2569 อีกครั้ง',
    );
    expect(other.run<YearStepAnswer>('newYearRestoreCheck')).toMatchObject({
      status: 'confirm',
      fiscalYear: 2568,
    });
    expect(other.run<YearStepAnswer>('newYearRestore', 2568).status).toBe('done');
    expect(snapshots(other, TABS.slice(0, 5))).toEqual(before);
    expect(start(other).status).toBe('done');
  });

  it('undoes it: every tab as it was, the copies gone, ปีงบประมาณ back', () => {
    const restore = rt.run<YearStepAnswer>('newYearRestoreCheck');
    expect(restore).toEqual({
      status: 'confirm',
      fiscalYear: 2568,
      message: [
        'ยกเลิกการเริ่มปีงบประมาณ 2569 และกลับไปที่ปีงบประมาณ 2568 ระบบจะดำเนินการดังนี้',
        '1. ล้างคอลัมน์ “2568” (คอลัมน์ E) ของแท็บ “ผลย้อนหลัง” เพราะคะแนนปี 2568 จะกลับไปอยู่ในแท็บ “คะแนน”',
        '2. นำข้อมูลปี 2568 จากแท็บที่เก็บไว้ “คะแนน ปี 2568” “ข้อเสนอแนะ ปี 2568” และ “มาตรการ ปี 2568” กลับมาใส่ในแท็บ “คะแนน” “ข้อเสนอแนะ” และ “มาตรการ” ซึ่งว่างอยู่ (ค่า หมายเหตุ และรูปแบบของเซลล์) แล้วลบแท็บที่เก็บไว้',
        '3. เปลี่ยนปีงบประมาณในแท็บ “ข้อมูลทั่วไป” จาก 2569 กลับเป็น 2568',
        'ต้องการดำเนินการหรือไม่',
      ].join('\n'),
    });
    // The working tabs stay the same sheets: formulas that refer to them, links to their ids,
    // protections, filter views and charts are untouched (deleting a sheet would break them).
    const ids = () => TABS.map((t) => rt.spreadsheet.getSheetByName(t)!.getSheetId());
    const idsBefore = ids();
    const protections = () =>
      rt.spreadsheet.getSheetByName('คะแนน')!.getProtections('RANGE' as never).length;
    const protectedBefore = protections();
    rt.calls.reset();
    expect(rt.run<YearStepAnswer>('newYearRestore', 2568).status).toBe('done');
    undoCalls = rt.calls.snapshot();
    expect(ids()).toEqual(idsBefore);
    expect(protections()).toBe(protectedBefore);
    expect(sheetNames(rt)).toEqual([...TABS, 'ผลย้อนหลัง']);
    const after = snapshots(rt, [...TABS, 'ผลย้อนหลัง']);
    for (const tab of ['ข้อมูลทั่วไป', 'ผู้ลงนาม', 'คะแนน', 'ข้อเสนอแนะ', 'มาตรการ']) {
      expect(after[tab]).toEqual(before[tab]);
    }
    expect(after['ผลย้อนหลัง']!.values).toEqual(before['ผลย้อนหลัง']!.values);
    // A bounded number of calls: a read per tab and per copy, then per tab one copyTo and one
    // deleteSheet, whatever the number of rows.
    expect(undoCalls['SpreadsheetApp Range.getValues']).toBe(11);
    expect(undoCalls['SpreadsheetApp Range.copyTo']).toBe(3);
    expect(undoCalls['SpreadsheetApp Spreadsheet.deleteSheet']).toBe(3);
    const total = Object.entries(undoCalls)
      .filter(([k]) => k.startsWith('SpreadsheetApp '))
      .reduce((n, [, v]) => n + v, 0);
    expect(total).toBe(UNDO_CALLS);
    // And the year can be started again.
    expect(start(rt as Rt).status).toBe('done');
  });
});

describe('the undo is refused when it would lose data', () => {
  it('when the new year already has data, or ผลย้อนหลัง’s column was edited', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    expect(start(rt).status).toBe('done');
    const measures = rt.spreadsheet.getSheetByName('มาตรการ')!;
    measures.getRange('A2').setValue('มาตรการปี 2569');
    const typed = rt.run<YearStepAnswer>('newYearRestoreCheck');
    expect(typed.status).toBe('refused');
    expect(typed.message).toContain('ได้กรอกข้อมูลของปี 2569 ไว้แล้วในแท็บ “มาตรการ” 1 แถว');
    measures.getRange('A2').setValue('');
    rt.spreadsheet.getSheetByName('ผลย้อนหลัง')!.getRange('C2').setValue(90);
    const edited = rt.run<YearStepAnswer>('newYearRestoreCheck');
    expect(edited.status).toBe('refused');
    expect(edited.message).toContain('C2 (ITA)');
  });

  it('when there is nothing to undo', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const nothing = rt.run<YearStepAnswer>('newYearRestoreCheck');
    expect(nothing.status).toBe('refused');
    expect(nothing.message).toContain('ไม่พบแท็บที่เก็บข้อมูลปีงบประมาณ 2567');
  });
});

describe('bad input never crashes and never loses data', () => {
  it('a workbook with errors in คะแนน is refused with the cells named, and left as it was', async () => {
    const rt = await runtimeOn('ita-2568-published');
    const before = snapshots(rt, sheetNames(rt));
    const check = rt.run<YearStepAnswer>('newYearCheck');
    expect(check.status).toBe('refused');
    expect(check.message).toContain(
      'ยังเริ่มปีงบประมาณใหม่ไม่ได้ เพราะคะแนนที่จะเก็บเป็นผลย้อนหลังยังมีข้อผิดพลาด 1 รายการ',
    );
    expect(check.message).toContain('คะแนน!C14:');
    expect(rt.run<YearStepAnswer>('newYearStart', 2568).status).toBe('refused');
    expect(snapshots(rt, sheetNames(rt))).toEqual(before);
  });

  it('no fiscal year, no scores, or no คะแนน tab: refused, nothing changed', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const general = rt.spreadsheet.getSheetByName('ข้อมูลทั่วไป')!;
    const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === 'ปีงบประมาณ') + 1;
    general.getRange(row, 2).setValue('ปีหน้า');
    expect(rt.run<YearStepAnswer>('newYearCheck').message).toContain('ยังไม่มีปีงบประมาณที่ถูกต้อง');
    general.getRange(row, 2).setValue('ปีงบประมาณ พ.ศ. ๒๕๖๘');
    const scores = rt.spreadsheet.getSheetByName('คะแนน')!;
    scores.getRange(2, 3, scores.getLastRow() - 1, 1).clearContent();
    expect(rt.run<YearStepAnswer>('newYearCheck').message).toContain(
      'แท็บ “คะแนน” ยังไม่มีคะแนนของปีงบประมาณ 2568',
    );
    rt.spreadsheet.deleteSheet(scores);
    const before = snapshots(rt, sheetNames(rt));
    expect(rt.run<YearStepAnswer>('newYearStart', 2568)).toMatchObject({ status: 'refused' });
    expect(snapshots(rt, sheetNames(rt))).toEqual(before);
  });

  it('a year typed as text keeps its form: ปีงบประมาณ พ.ศ. ๒๕๖๘ becomes ปีงบประมาณ พ.ศ. ๒๕๖๙', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === 'ปีงบประมาณ') + 1;
    rt.spreadsheet.getSheetByName('ข้อมูลทั่วไป')!.getRange(row, 2).setValue('ปีงบประมาณ พ.ศ. ๒๕๖๘');
    expect(start(rt).status).toBe('done');
    expect(fiscalYear(rt)).toBe('ปีงบประมาณ พ.ศ. ๒๕๖๙');
  });

  it('creates ผลย้อนหลัง when the workbook has none', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    expect(rt.run<YearStepAnswer>('newYearCheck').message).toContain('(ระบบสร้างแท็บให้)');
    expect(start(rt).status).toBe('done');
    expect(values(rt, 'ผลย้อนหลัง').map((r) => [r[0], r[2]])).toEqual(COPIED_2568);
  });
});

describe('with the year’s column already in ผลย้อนหลัง', () => {
  it('fills only its blank cells when what is there agrees, and adds rows for missing codes', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    addTab(rt, 'ผลย้อนหลัง', [
      ['รหัส', 'รายการ', 'ปี ๒๕๖๘', 'หมายเหตุ'],
      ['ITA', 'คะแนนรวม ITA', '๙๓.๕๓', 'ตามประกาศ'],
      ['IIT', 'IIT', '', ''],
    ]);
    const check = rt.run<YearStepAnswer>('newYearCheck');
    expect(check.message).toContain(
      'ไปไว้ในคอลัมน์ “2568” ที่มีอยู่แล้วของแท็บ “ผลย้อนหลัง” (เติมเฉพาะเซลล์ที่ว่าง)',
    );
    expect(rt.run<YearStepAnswer>('newYearStart', 2568).status).toBe('done');
    expect(values(rt, 'ผลย้อนหลัง')).toEqual([
      ['รหัส', 'รายการ', 'ปี ๒๕๖๘', 'หมายเหตุ'],
      ['ITA', 'คะแนนรวม ITA', '๙๓.๕๓', 'ตามประกาศ'],
      ['IIT', 'IIT', 91.33, ''],
      ['EIT', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)', 89.61, ''],
      ['EIT1', 'EIT ส่วนที่ ๑ (ผู้รับบริการตอบด้วยตนเอง)', 81.66, ''],
      ['EIT2', 'EIT ส่วนที่ ๒ (ผู้ประเมินจัดเก็บข้อมูล)', 97.56, ''],
      ['OIT', 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)', 98.13, ''],
    ]);
  });

  it('refuses, naming the cell, when what is there disagrees: staff data is never overwritten', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    addTab(rt, 'ผลย้อนหลัง', [
      ['รหัส', 'รายการ', 2568],
      ['ITA', 'คะแนนรวม ITA', 93.35],
    ]);
    const before = snapshots(rt, sheetNames(rt));
    const check = rt.run<YearStepAnswer>('newYearCheck');
    expect(check.status).toBe('refused');
    expect(check.message).toContain('C2 (ITA) มี “93.35” แต่แท็บคะแนนมี 93.53');
    expect(snapshots(rt, sheetNames(rt))).toEqual(before);
  });
});

describe('staff formatting', () => {
  it('stays on the emptied tabs (fills, widths, own columns); notes go with the data into the copy', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const measures = rt.spreadsheet.getSheetByName('มาตรการ')!;
    measures.getRange('G1').setValue('หมายเหตุของงาน');
    measures.getRange('G2').setValue('ติดตามทุกไตรมาส');
    measures.getRange('B2:B3').setBackground('#d9ead3');
    measures.getRange('C2').setNote('ถามงานบุคคลแล้ว');
    measures.setColumnWidth(2, 333);
    const scores = rt.spreadsheet.getSheetByName('คะแนน')!;
    scores.getRange('C3').setNote('ตรวจกับประกาศแล้ว');
    // A finding's highlight from the live check: removed with the value it was about.
    rt.fromPage('sidebarCheck');
    rt.edit('มาตรการ', 'F2', 'ไม่พบผู้ฝ่าฝืน พนักงานเทศบาล');
    expect(measures.getRange('F2').getBackground()).toBe('#fef7e0');
    const before = snapshot(rt, 'มาตรการ')!;

    expect(start(rt).status).toBe('done');
    expect(snapshot(rt, 'มาตรการ ปี 2568')).toEqual(before);
    expect(rt.spreadsheet.getSheetByName('มาตรการ ปี 2568')!.getRange('C2').getNote()).toBe(
      'ถามงานบุคคลแล้ว',
    );
    expect(values(rt, 'มาตรการ')).toEqual([before.values[0]]);
    expect(measures.getRange('B2').getBackground()).toBe('#d9ead3');
    expect(measures.getColumnWidth(2)).toBe(333);
    expect(measures.getRange('C2').getNote()).toBe('');
    expect(scores.getRange('C3').getNote()).toBe('');
    expect(measures.getRange('F2').getBackground()).toBe('#ffffff');
  });
});

describe('a failure midway', () => {
  it('takes back the copies and the written column: the sheet is as it was, and ประวัติ says why', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    addTab(rt, 'ผลย้อนหลัง', historyTab(RISING));
    const names = sheetNames(rt);
    const before = snapshots(
      rt,
      names.filter((n) => n !== 'ประวัติ'),
    );
    const original = Range.prototype.setValues;
    const spy = jest.spyOn(Range.prototype, 'setValues').mockImplementationOnce(function () {
      throw new Error('Service Spreadsheets timed out');
    });
    try {
      const result = rt.run<YearStepAnswer>('newYearStart', 2568);
      expect(result.status).toBe('failed');
      expect(result.message).toContain('Service Spreadsheets timed out');
      expect(result.message).toContain('ชีตยังเหมือนเดิม');
    } finally {
      spy.mockRestore();
      expect(Range.prototype.setValues).toBe(original);
    }
    expect(sheetNames(rt)).toEqual(names);
    expect(
      snapshots(
        rt,
        names.filter((n) => n !== 'ประวัติ'),
      ),
    ).toEqual(before);
    expect(values(rt, 'ประวัติ').at(-1)?.slice(2, 6)).toEqual(['เริ่มปีงบประมาณใหม่', '', '', 'ไม่สำเร็จ']);
  });
});

describe('a failure while the tabs are being emptied', () => {
  /** Everything but ประวัติ, which records the failure. */
  const kept = (rt: Runtime) => sheetNames(rt).filter((n) => n !== 'ประวัติ');

  it('puts back what was emptied from the copies and takes back the copies: the sheet is as it was', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    addTab(rt, 'ผลย้อนหลัง', historyTab(RISING));
    // A formula in มาตรการ, the tab the failure never reaches: it stays a formula.
    const formula = rt.spreadsheet.getSheetByName('มาตรการ')!.getRange('G2');
    formula.setFormula('=LEN(B2)');
    rt.workbook.sheetByName('มาตรการ')!.cell(2, 7)!.value = 42;
    const names = sheetNames(rt);
    const before = snapshots(rt, kept(rt));
    // The second tab's clearContent fails as a transient Google failure does.
    rt.faults.failCall('SpreadsheetApp', 'Range.clearContent', { after: 1 });
    const result = rt.run<YearStepAnswer>('newYearStart', 2568);
    expect(result).toEqual({
      status: 'failed',
      message:
        "เริ่มปีงบประมาณใหม่ไม่สำเร็จ (We're sorry, a server error occurred. Please wait a bit and try again.) ระบบนำข้อมูลที่ล้างไปแล้วกลับมาจากสำเนาและลบสำเนาออกแล้ว ชีตกลับเป็นเหมือนก่อนสั่ง",
    });
    expect(sheetNames(rt)).toEqual(names);
    expect(snapshots(rt, kept(rt))).toEqual(before);
    expect(formula.getFormula()).toBe('=LEN(B2)');
    expect(values(rt, 'ประวัติ').at(-1)?.slice(2, 6)).toEqual(['เริ่มปีงบประมาณใหม่', '', '', 'ไม่สำเร็จ']);
    // Nothing is left in the way: the memo can be made, and the year started again.
    expect(rt.fromPage<{ status: string }>('sidebarGenerate', true).status).toBe('done');
    expect(start(rt).status).toBe('done');
  });

  it('when putting back fails too, says the copies hold everything; ยกเลิก brings it all back', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    // (ผลย้อนหลัง, created by the start, stays afterwards as an undo of a finished start leaves it.)
    const tabs = kept(rt);
    const before = snapshots(rt, tabs);
    rt.faults
      .failCall('SpreadsheetApp', 'Range.clearContent', { after: 1 })
      .failCall('SpreadsheetApp', 'Range.copyTo');
    const failed = rt.run<YearStepAnswer>('newYearStart', 2568);
    expect(failed.status).toBe('failed');
    expect(failed.message).toContain(
      'บางแท็บถูกล้างไปแล้ว แต่ข้อมูลทั้งหมดของปี 2568 อยู่ในแท็บที่เก็บไว้ “คะแนน ปี 2568” “ข้อเสนอแนะ ปี 2568” “มาตรการ ปี 2568” ใช้เมนู “ยกเลิกการเริ่มปีงบประมาณใหม่” เพื่อนำกลับมา',
    );
    expect(
      values(rt, 'คะแนน')
        .slice(1)
        .every((r) => r[2] === ''),
    ).toBe(true);
    // Starting again points to the undo, and the undo agrees.
    expect(rt.run<YearStepAnswer>('newYearCheck').message).toContain(
      'ให้ใช้เมนู “ยกเลิกการเริ่มปีงบประมาณใหม่” เพื่อนำข้อมูลปี 2568 จากแท็บเหล่านั้นกลับมาก่อน',
    );
    const undo = rt.run<YearStepAnswer>('newYearRestoreCheck');
    expect(undo).toMatchObject({ status: 'confirm', fiscalYear: 2568 });
    expect(undo.message).toContain(
      'การเริ่มปีงบประมาณ 2569 ครั้งก่อนหยุดไปกลางคัน (ปีงบประมาณยังเป็น 2568) ระบบจะนำข้อมูลปี 2568 กลับมาให้ครบ ดังนี้',
    );
    expect(undo.message).toContain(
      'แท็บ “ข้อเสนอแนะ” และ “มาตรการ” ยังมีข้อมูลปี 2568 ครบอยู่แล้ว จึงลบเพียงแท็บที่เก็บไว้',
    );
    expect(undo.message).not.toContain('เปลี่ยนปีงบประมาณ');
    const done = rt.run<YearStepAnswer>('newYearRestore', 2568);
    expect(done.status).toBe('done');
    expect(done.message).toContain('นำข้อมูลปีงบประมาณ 2568 กลับมาครบแล้ว');
    expect(snapshots(rt, tabs)).toEqual(before);
    expect(start(rt).status).toBe('done');
  });

  it('a run Google stops at its time limit midway can be undone, and the year started again', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    addTab(rt, 'ผลย้อนหลัง', historyTab(RISING));
    const before = snapshots(rt, kept(rt));
    rt.faults.failCall('SpreadsheetApp', 'Range.clearContent', { after: 1, kind: 'timeout' });
    expect(() => rt.run('newYearStart', 2568)).toThrow('Exceeded maximum execution time');
    expect(fiscalYear(rt)).toBe(2568);
    expect(rt.run<YearStepAnswer>('newYearRestore', 2568).status).toBe('done');
    expect(snapshots(rt, kept(rt))).toEqual(before);
    expect(start(rt).status).toBe('done');
  });

  it('a failed start takes back the ผลย้อนหลัง tab it created: ชีตยังเหมือนเดิม is true', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const names = sheetNames(rt);
    rt.faults.failCall('SpreadsheetApp', 'Sheet.copyTo', { after: 1 });
    const result = rt.run<YearStepAnswer>('newYearStart', 2568);
    expect(result.status).toBe('failed');
    expect(result.message).toContain('ชีตยังเหมือนเดิม');
    expect(sheetNames(rt)).toEqual(names);
  });
});

describe('formulas', () => {
  it('a copy keeps the value a formula showed, so emptying the tab it reads does not change it', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const measures = rt.spreadsheet.getSheetByName('มาตรการ')!;
    measures.getRange('G2').setFormula('=คะแนน!C2');
    // The emulation computes no formula: the value Sheets would show.
    rt.workbook.sheetByName('มาตรการ')!.cell(2, 7)!.value = 93.53;
    expect(start(rt).status).toBe('done');
    const copy = rt.spreadsheet.getSheetByName('มาตรการ ปี 2568')!.getRange('G2');
    expect([copy.getFormula(), copy.getValue()]).toEqual(['', 93.53]);
    // The undo brings the value back (the formula is not kept: documented).
    expect(rt.run<YearStepAnswer>('newYearRestore', 2568).status).toBe('done');
    expect(measures.getRange('G2').getValue()).toBe(93.53);
  });
});

describe('the menu', () => {
  it('has both items, asks before doing anything, and does nothing on NO', async () => {
    const rt = await runtimeOn('ita-2568-corrected', { answers: ['NO'] });
    rt.open();
    const items = JSON.stringify(rt.ui.menus);
    expect(items).toContain('เริ่มปีงบประมาณใหม่');
    expect(items).toContain('ยกเลิกการเริ่มปีงบประมาณใหม่');
    const before = snapshots(rt, sheetNames(rt));
    rt.run('startNewFiscalYear');
    expect(rt.ui.dialogs.at(-1)).toMatchObject({ buttons: 'YES_NO', answer: 'NO' });
    expect(rt.ui.dialogs.at(-1)?.message).toContain('ต้องการเริ่มปีงบประมาณ 2569 หรือไม่');
    expect(snapshots(rt, sheetNames(rt))).toEqual(before);
  });

  it('on YES starts the year and says where the year’s data is; the undo item brings it back', async () => {
    const rt = await runtimeOn('ita-2568-corrected', { answers: ['YES', 'OK', 'YES', 'OK'] });
    rt.run('startNewFiscalYear');
    expect(rt.ui.dialogs.at(-1)?.message).toContain('เริ่มปีงบประมาณ 2569 แล้ว');
    expect(fiscalYear(rt)).toBe(2569);
    rt.run('undoNewFiscalYear');
    expect(rt.ui.dialogs.at(-1)?.message).toContain('กลับไปที่ปีงบประมาณ 2568 แล้ว');
    expect(fiscalYear(rt)).toBe(2568);
  });
});

describe('last year’s memo and published link', () => {
  it('a new year clears ลิงก์เผยแพร่ and leaves last year’s memo behind; the undo brings both back', async () => {
    const rt = await office();
    expect(rt.run<GenerateResult>('sidebarGenerate', true).status).toBe('done');
    expect(rt.run<StepResult>('sidebarSend').status).toBe('done');
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', true).status).toBe('done');
    const published = rt.run<PublishResult>('sidebarPublish');
    if (published.status !== 'done') throw new Error(JSON.stringify(published));
    expect(general(rt, 'ลิงก์เผยแพร่')).toBe(published.url);
    const before = snapshot(rt, 'ข้อมูลทั่วไป');

    const check = rt.run<YearStepAnswer>('newYearCheck');
    expect(check.message).toContain(
      '5. ล้าง “ลิงก์เผยแพร่” ในแท็บ “ข้อมูลทั่วไป” (ลิงก์รายงานที่เผยแพร่ของปี 2568)',
    );
    expect(start(rt).status).toBe('done');
    // Nothing of 2568's memo looks like 2569's: no link, no current memo, nothing to publish.
    expect(general(rt, 'ลิงก์เผยแพร่')).toBe('');
    expect(rt.run<ReviewState>('sidebarReview').memo).toBeNull();
    const refused = rt.run<PublishResult>('sidebarPublish');
    expect(refused.status).toBe('failed');
    expect((refused as { message: string }).message).toContain(
      'ยังไม่มีบันทึกข้อความที่สร้างสำเร็จในแท็บประวัติ',
    );
    // ประวัติ keeps last year's link, in the row of the start.
    const log = values(rt, 'ประวัติ');
    expect(log.at(-1)!.join(' ')).toContain(published.url);

    // The link comes back from ประวัติ, which travels with the workbook, even where the document
    // property it is also kept in is gone (a copy of the spreadsheet, a CLI run on an .xlsx).
    (rt.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .deleteAllProperties();
    expect(rt.run<YearStepAnswer>('newYearRestoreCheck').message).toContain(
      `4. ใส่ “ลิงก์เผยแพร่” ของปี 2568 (${published.url}) กลับในแท็บ “ข้อมูลทั่วไป” ตามที่บันทึกไว้ในแท็บ “ประวัติ”`,
    );
    expect(rt.run<YearStepAnswer>('newYearRestore', 2568).status).toBe('done');
    expect(snapshot(rt, 'ข้อมูลทั่วไป')).toEqual(before);
    expect(rt.run<ReviewState>('sidebarReview').memo).toMatchObject({
      status: 'เผยแพร่แล้ว',
      publishedUrl: published.url,
    });
  });

  it('the undo leaves a link typed since in place', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    setGeneral(rt, 'ลิงก์เผยแพร่', 'https://drive.google.com/file/d/abc2568/view');
    expect(start(rt).status).toBe('done');
    expect(general(rt, 'ลิงก์เผยแพร่')).toBe('');
    setGeneral(rt, 'ลิงก์เผยแพร่', 'https://drive.google.com/file/d/typed2569/view');
    expect(rt.run<YearStepAnswer>('newYearRestoreCheck').message).toContain(
      '“ลิงก์เผยแพร่” ในแท็บ “ข้อมูลทั่วไป” มีลิงก์ที่กรอกไว้ใหม่ จึงคงไว้ตามเดิม ลิงก์ของปี 2568 (https://drive.google.com/file/d/abc2568/view) ยังอยู่ในแท็บ “ประวัติ”',
    );
    expect(rt.run<YearStepAnswer>('newYearRestore', 2568).status).toBe('done');
    expect(general(rt, 'ลิงก์เผยแพร่')).toBe('https://drive.google.com/file/d/typed2569/view');
  });
});
