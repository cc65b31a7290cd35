// Where a memo stands, read from ประวัติ alone; pointing a comment at the cell it is about.
import {
  cellForQuote,
  currentMemo,
  failedLastAttempt,
  memoStatus,
  readMemos,
  type LogRow,
} from '../../../src/core/memo/review-status';

const DOC = '1DocDocDocDocDocDocDocDocDocDocDocDocDocDo';
const OTHER = '1OtherOtherOtherOtherOtherOtherOtherOtherO';

let n = 1;
function row(action: string, extra: Partial<LogRow> = {}): LogRow {
  n++;
  return {
    row: n,
    time: new Date('2025-10-03T03:00:00Z'),
    user: 'staff@example.go.th',
    action,
    document: '',
    pdf: '',
    status: 'สำเร็จ',
    open: null,
    resolved: null,
    note: '',
    memoStatus: '',
    docId: DOC,
    ...extra,
  };
}

const status = (rows: LogRow[]) => {
  const m = currentMemo(rows);
  return m ? memoStatus(m) : null;
};

describe('the status of a memo', () => {
  it('moves ร่าง → ส่งขอความเห็นแล้ว → มีความเห็นค้าง N → แก้ครบแล้ว → อนุมัติแล้ว → เผยแพร่แล้ว', () => {
    const rows = [row('สร้างบันทึกข้อความ', { open: 0, resolved: 0 })];
    expect(status(rows)).toBe('ร่าง');
    rows.push(row('ส่งขอความเห็น'));
    expect(status(rows)).toBe('ส่งขอความเห็นแล้ว');
    rows[0].open = 2;
    expect(status(rows)).toBe('มีความเห็นค้าง 2');
    rows[0].open = 0;
    rows[0].resolved = 2;
    expect(status(rows)).toBe('แก้ครบแล้ว');
    rows.push(row('อนุมัติ'));
    expect(status(rows)).toBe('อนุมัติแล้ว');
    rows.push(row('เผยแพร่ฉบับอนุมัติ', { pdf: 'https://drive.google.com/file/d/x/view' }));
    expect(status(rows)).toBe('เผยแพร่แล้ว');
    expect(currentMemo(rows)?.published?.pdf).toBe('https://drive.google.com/file/d/x/view');
  });

  it('a refill voids the approval and the publication before it; failed steps count for nothing', () => {
    const rows = [
      row('สร้างบันทึกข้อความ', { open: 0, resolved: 1 }),
      row('อนุมัติ'),
      row('เผยแพร่ฉบับอนุมัติ'),
      row('สร้างใหม่ในเอกสารเดิม'),
      row('อนุมัติ', { status: 'ไม่สำเร็จ' }),
    ];
    expect(status(rows)).toBe('แก้ครบแล้ว');
    // A publication without an approval after the refill is not one.
    rows.push(row('เผยแพร่ฉบับอนุมัติ'));
    expect(status(rows)).toBe('แก้ครบแล้ว');
  });

  it('tells memos apart by their Doc (the ID, or the link of rows written before รหัสเอกสาร)', () => {
    const rows = [
      row('สร้างบันทึกข้อความ', {
        docId: '',
        document: `https://docs.google.com/document/d/${OTHER}/edit`,
      }),
      row('สร้างบันทึกข้อความ'),
      row('ส่งขอความเห็น', {
        docId: '',
        document: `https://docs.google.com/document/d/${OTHER}/edit`,
      }),
    ];
    const memos = readMemos(rows);
    expect(memos.map((m) => [m.docId, memoStatus(m)])).toEqual([
      [OTHER, 'ส่งขอความเห็นแล้ว'],
      [DOC, 'ร่าง'],
    ]);
    expect(currentMemo(rows)?.docId).toBe(DOC);
  });

  it('names the last generation when it failed', () => {
    const ok = row('สร้างบันทึกข้อความ');
    const bad = row('สร้างบันทึกข้อความ', { status: 'ไม่สำเร็จ', docId: '' });
    expect(failedLastAttempt([ok, bad])).toBe(bad);
    expect(failedLastAttempt([bad, ok, row('ส่งขอความเห็น')])).toBeNull();
    expect(currentMemo([])).toBeNull();
  });
});

describe('a new fiscal year', () => {
  it('leaves last year’s memo behind; its undo, or a failed start, does not', () => {
    const made = [row('สร้างบันทึกข้อความ'), row('อนุมัติ'), row('เผยแพร่ฉบับอนุมัติ')];
    const started = row('เริ่มปีงบประมาณใหม่', { docId: '' });
    expect(currentMemo([...made, started])).toBeNull();
    const undone = row('ยกเลิกการเริ่มปีงบประมาณใหม่', { docId: '' });
    expect(currentMemo([...made, started, undone])?.docId).toBe(DOC);
    const failed = row('เริ่มปีงบประมาณใหม่', { docId: '', status: 'ไม่สำเร็จ' });
    expect(currentMemo([...made, failed])?.docId).toBe(DOC);
    // Started again after the undo, then this year's memo is made.
    const again = row('เริ่มปีงบประมาณใหม่', { docId: '' });
    const next = row('สร้างบันทึกข้อความ', { docId: OTHER });
    expect(currentMemo([...made, started, undone, again])).toBeNull();
    expect(currentMemo([...made, started, undone, again, next])?.docId).toBe(OTHER);
  });
});

describe('pointing a comment at its cell', () => {
  const cells = [
    { sheet: 'คะแนน', cell: 'A2', value: 'ITA' },
    { sheet: 'คะแนน', cell: 'B8', value: 'การแก้ไขปัญหาการทุจริต' },
    { sheet: 'คะแนน', cell: 'C8', value: 81.67 },
    { sheet: 'คะแนน', cell: 'C9', value: 90 },
    { sheet: 'มาตรการ', cell: 'A2', value: 'การยกระดับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘' },
    { sheet: 'ข้อมูลทั่วไป', cell: 'B13', value: 'ใช่' },
  ];
  const at = (quote: string) => {
    const c = cellForQuote(quote, cells);
    return c ? `${c.sheet}!${c.cell}` : null;
  };

  it('exact values, phrases of a cell, and the score in a line', () => {
    expect(at('การแก้ไขปัญหาการทุจริต')).toBe('คะแนน!B8');
    expect(at('การยกระดับผลการประเมิน ITA')).toBe('มาตรการ!A2');
    expect(at('๑.๕ การแก้ไขปัญหาการทุจริต ๘๑.๖๗ คะแนน')).toBe('คะแนน!C8');
    // A whole number is printed with two decimals.
    expect(at('๙๐.๐๐')).toBe('คะแนน!C9');
  });

  it('points nowhere for short or unrelated text', () => {
    expect(at('ใช่')).toBeNull();
    expect(at('ก')).toBeNull();
    expect(at('ข้อความอื่นทั้งหมด')).toBeNull();
  });
});
