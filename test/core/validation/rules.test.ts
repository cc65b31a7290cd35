import { corrected, findingsOf, only, where } from './helpers';

const rulesAt = (tabs: ReturnType<typeof corrected>) => findingsOf(tabs).map(where);

describe('ข้อมูลทั่วไป', () => {
  test('a CE fiscal year gets the BE year', () => {
    const f = findingsOf(corrected({ ข้อมูลทั่วไป: { B5: 2025 } }));
    const [year] = only(f, 'fiscal-year-not-be');
    expect(year).toMatchObject({ severity: 'error', cell: 'B5' });
    expect(year.message).toContain('2568');
  });

  test('a year that is no year', () => {
    expect(
      only(findingsOf(corrected({ ข้อมูลทั่วไป: { B5: 'abc' } })), 'fiscal-year-invalid'),
    ).toHaveLength(1);
    const [short] = only(findingsOf(corrected({ ข้อมูลทั่วไป: { B5: 68 } })), 'fiscal-year-invalid');
    expect(short.message).toContain('2568');
  });

  test('a year without rules of its own uses the nearest earlier year’s', () => {
    const f = findingsOf(corrected({ ข้อมูลทั่วไป: { B5: 2570, B9: '3 ตุลาคม 2570' } }));
    expect(only(f, 'fiscal-year-rules-fallback')).toMatchObject([{ severity: 'info', cell: 'B5' }]);
  });

  test('memo date: CE year, before the fiscal year, long after it', () => {
    const ce = only(
      findingsOf(corrected({ ข้อมูลทั่วไป: { B9: '3 ต.ค. 2025' } })),
      'memo-date-invalid',
    );
    expect(ce[0].message).toContain('๓ ตุลาคม ๒๕๖๘');
    const before = findingsOf(corrected({ ข้อมูลทั่วไป: { B9: new Date(Date.UTC(2024, 8, 29)) } }));
    expect(only(before, 'memo-date-before-fiscal-year')).toMatchObject([{ cell: 'B9' }]);
    expect(
      only(findingsOf(corrected({ ข้อมูลทั่วไป: { B9: '31 มีนาคม 2569' } })), 'memo-date-late'),
    ).toEqual([]);
    expect(
      only(findingsOf(corrected({ ข้อมูลทั่วไป: { B9: '1 เมษายน 2569' } })), 'memo-date-late'),
    ).toHaveLength(1);
    expect(
      only(findingsOf(corrected({ ข้อมูลทั่วไป: { B9: '31 กันยายน 2568' } })), 'memo-date-invalid'),
    ).toHaveLength(1);
    const be = findingsOf(corrected({ ข้อมูลทั่วไป: { B9: new Date(Date.UTC(2568, 9, 2, 17)) } }));
    expect(only(be, 'memo-date-invalid')[0].message).toContain('๓ ตุลาคม ๒๕๖๘');
  });

  test('required value empty, yes/no invalid, unknown kind of office', () => {
    expect(rulesAt(corrected({ ข้อมูลทั่วไป: { B6: '' } }))).toEqual([
      'ข้อมูลทั่วไป!B6 required-cell-empty',
    ]);
    expect(rulesAt(corrected({ ข้อมูลทั่วไป: { B13: 'yes' } }))).toEqual([
      'ข้อมูลทั่วไป!B13 yes-no-invalid',
    ]);
    expect(rulesAt(corrected({ ข้อมูลทั่วไป: { B2: 'ศูนย์พัฒนาเด็กเล็ก' } }))).toEqual([
      'ข้อมูลทั่วไป!B2 org-kind-unknown',
    ]);
  });

  test('เรียน: "เรียน" typed in, or a post of another office', () => {
    const typed = findingsOf(
      corrected({ ข้อมูลทั่วไป: { B11: 'เรียน นายกองค์การบริหารส่วนตำบลเมืองเก่า' } }),
    );
    expect(only(typed, 'addressee-unknown-post')[0].message).toContain('ไม่ต้องพิมพ์คำว่า “เรียน”');
    // One finding for the cell, not three rules saying the same thing.
    expect(rulesAt(corrected({ ข้อมูลทั่วไป: { B11: 'นายกเทศมนตรีตำบลเมืองกาย' } }))).toEqual([
      'ข้อมูลทั่วไป!B11 addressee-unknown-post',
    ]);
  });

  test('a municipality: the staff of an อบต. and its posts are flagged', () => {
    const tabs = corrected({
      ข้อมูลทั่วไป: { B2: 'เทศบาลตำบลเมืองเก่า', B11: 'นายกเทศมนตรีตำบลเมืองเก่า' },
    });
    const f = findingsOf(tabs);
    expect(only(f, 'text-other-kind-term').map(where)).toContain('มาตรการ!B4 text-other-kind-term');
    expect(only(f, 'text-other-kind-term')[0].message).toMatch(/พนักงานเทศบาล|ปลัดเทศบาล/);
    expect(only(f, 'addressee-unknown-post')).toEqual([]);
  });
});

describe('ผู้ลงนาม', () => {
  test('exactly one ผู้เสนอ and one ผู้สั่งการ', () => {
    const none = findingsOf(corrected({ ผู้ลงนาม: { B5: 'ผู้ให้ความเห็น' } }));
    const [missing] = only(none, 'signatory-role-missing');
    expect(missing).toMatchObject({ cell: 'B1', severity: 'error' });
    expect(missing.message).toContain('“ผู้สั่งการ”');
    const two = findingsOf(corrected({ ผู้ลงนาม: { B3: 'ผู้เสนอ' } }));
    expect(only(two, 'signatory-role-duplicate').map(where)).toEqual([
      'ผู้ลงนาม!B3 signatory-role-duplicate',
    ]);
  });

  test('unknown role, missing name, malformed e-mail', () => {
    const f = findingsOf(
      corrected({ ผู้ลงนาม: { B4: 'ผู้อนุมัติ', D3: '', G2: 'chonaphat@', G3: 'a@b.go.th' } }),
    );
    expect(f.map(where)).toEqual([
      'ผู้ลงนาม!G2 email-invalid',
      'ผู้ลงนาม!D3 required-cell-empty',
      'ผู้ลงนาม!B4 signatory-role-unknown',
    ]);
  });

  test('order: not a number, duplicated, roles out of sequence', () => {
    expect(rulesAt(corrected({ ผู้ลงนาม: { A3: 'สอง' } }))).toEqual([
      'ผู้ลงนาม!A3 signatory-order-invalid',
    ]);
    expect(rulesAt(corrected({ ผู้ลงนาม: { A4: 2 } }))).toEqual([
      'ผู้ลงนาม!A4 signatory-order-duplicate',
    ]);
    expect(rulesAt(corrected({ ผู้ลงนาม: { A5: 0 } }))).toEqual([
      'ผู้ลงนาม!A2 signatory-order-sequence',
      'ผู้ลงนาม!A5 signatory-order-sequence',
    ]);
  });
});

describe('คะแนน', () => {
  test('not a number, out of range, too many decimals, decimal comma', () => {
    const f = findingsOf(corrected({ คะแนน: { C4: 'ดีมาก', C5: 150, C6: 93.535, C7: '87,38' } }));
    expect(f.filter((x) => x.sheet === 'คะแนน').map(where)).toEqual([
      'คะแนน!C4 score-not-number',
      'คะแนน!C5 score-out-of-range',
      'คะแนน!C6 score-too-many-decimals',
      'คะแนน!C7 score-not-number',
    ]);
    expect(only(f, 'score-too-many-decimals')[0].message).toContain('93.54');
    expect(only(f, 'score-not-number')[1].message).toContain('87.38');
  });

  test('codes: unknown (with a suggestion), duplicated, missing', () => {
    const f = findingsOf(corrected({ คะแนน: { A4: 'IIT1', A6: 'IIT.2' } }));
    expect(f.map(where)).toEqual([
      'คะแนน!A1 score-code-missing',
      'คะแนน!A4 score-code-unknown',
      'คะแนน!A6 score-code-duplicate',
    ]);
    expect(only(f, 'score-code-unknown')[0].message).toContain('“IIT.1”');
    expect(only(f, 'score-code-missing')[0].message).toContain('IIT.1 และ IIT.3');
  });

  test('arithmetic: ITA against the weighted tools, EIT against its parts', () => {
    const f = findingsOf(corrected({ คะแนน: { C2: 90, C9: 89 } }));
    expect(f.map(where)).toEqual(['คะแนน!C2 score-arithmetic', 'คะแนน!C9 score-arithmetic']);
    expect(f[0].message).toContain(
      '0.30 × IIT (C3) 91.33 + 0.30 × EIT (C9) 89.00 + 0.40 × OIT (C18) 98.13',
    );
    expect(f[1].message).toContain('ค่าเฉลี่ยของ EIT1 (C10) 81.66 และ EIT2 (C14) 97.56 คือ 89.61');
  });

  test('within ±0.01 is accepted', () => {
    expect(findingsOf(corrected({ คะแนน: { C3: 91.34 } })).map(where)).toEqual([]);
    expect(findingsOf(corrected({ คะแนน: { C3: 91.35 } })).map(where)).toEqual([
      'คะแนน!C3 score-arithmetic',
    ]);
  });

  test('blank scores are said once per run of cells, without "delete this row"', () => {
    const blank = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`C${i + 2}`, null]));
    const all = only(findingsOf(corrected({ คะแนน: blank })), 'required-cell-empty');
    expect(all).toEqual([
      expect.objectContaining({
        sheet: 'คะแนน',
        cell: 'C2',
        cells: Array.from({ length: 19 }, (_, i) => `C${i + 2}`),
        message:
          'ยังไม่ได้กรอกคะแนน ITA ปีงบประมาณ 2568 19 รายการ ในเซลล์ C2:C20 กรุณากรอกคะแนนตามผลการประเมินที่ได้รับ',
      }),
    ]);
    const two = only(
      findingsOf(corrected({ คะแนน: { C4: null, C5: '', C9: null } })),
      'required-cell-empty',
    );
    expect(two.map((f) => [f.cell, f.cells])).toEqual([
      ['C4', ['C4', 'C5']],
      ['C9', ['C9']],
    ]);
    expect(two[1].message).toContain('ในเซลล์ C9 ');
    expect(two.map((f) => f.message).join()).not.toContain('ลบแถว');
    // A blank code keeps its row-level message: there deleting the row is an option.
    const code = only(findingsOf(corrected({ คะแนน: { A4: null } })), 'required-cell-empty');
    expect(code).toMatchObject([{ cell: 'A4', message: expect.stringContaining('ลบแถวนี้') }]);
  });

  test('a formula error is reported once, and not as a wrong number', () => {
    const f = findingsOf(corrected({ คะแนน: { C14: '#N/A' } }));
    expect(f.map(where)).toEqual(['คะแนน!C14 cell-error-value']);
  });
});

describe('ข้อเสนอแนะ', () => {
  test('part and indicator', () => {
    const f = findingsOf(
      corrected({ ข้อเสนอแนะ: { A2: 'EIT', A3: 'XYZ', A4: 'EIT1', B4: 3, B5: 11 } }),
    );
    expect(f.map(where)).toEqual([
      'ข้อเสนอแนะ!A2 recommendation-part-unknown',
      'ข้อเสนอแนะ!A3 recommendation-part-unknown',
      'ข้อเสนอแนะ!B4 recommendation-indicator-mismatch',
      'ข้อเสนอแนะ!C4 recommendation-code-out-of-range',
      'ข้อเสนอแนะ!B5 recommendation-indicator-invalid',
    ]);
    expect(f[0].message).toContain('“EIT1”');
    expect(f[0].message).toContain('“EIT2”');
  });

  test('codes: out of range, of another tool, garbled, unknown; blank is allowed', () => {
    const f = findingsOf(
      corrected({ ข้อเสนอแนะ: { C2: 'i7', C3: 'e4', C4: '14', C5: 'abc', C6: '' } }),
    );
    expect(f.map(where)).toEqual([
      'ข้อเสนอแนะ!C2 recommendation-code-out-of-range',
      'ข้อเสนอแนะ!C3 recommendation-code-out-of-range',
      'ข้อเสนอแนะ!C4 recommendation-code-garbled',
      'ข้อเสนอแนะ!C5 recommendation-code-unknown',
    ]);
    expect(f[0].message).toContain('i1–i3');
    expect(f[2].message).toContain('i10–i12');
  });

  test('an OIT row with ๐๘ means o8; o28 is outside 2568', () => {
    const tabs = corrected();
    tabs['ข้อเสนอแนะ'].push(['OIT', 9, '๐๘', 'ข้อเสนอแนะ'], ['OIT', 10, 'o28', 'ข้อเสนอแนะ']);
    const f = findingsOf(tabs);
    expect(f.map(where)).toEqual([
      'ข้อเสนอแนะ!C20 recommendation-code-garbled',
      'ข้อเสนอแนะ!C21 recommendation-code-out-of-range',
    ]);
    expect(f[0].message).toContain('“o8”');
  });

  test('the text is required', () => {
    expect(rulesAt(corrected({ ข้อเสนอแนะ: { D2: '' } }))).toEqual([
      'ข้อเสนอแนะ!D2 required-cell-empty',
    ]);
  });
});

describe('มาตรการ', () => {
  test('periods outside the fiscal year, or unreadable', () => {
    const f = findingsOf(
      corrected({
        มาตรการ: { D3: 'ตุลาคม ๒๕๖๖ ถึง กันยายน ๒๕๖๗', D4: 'ตลอดปี', D5: 'ต.ค. 2024 - ก.ย. 2025' },
      }),
    );
    expect(f.map(where)).toEqual([
      'มาตรการ!D3 measure-period-outside-fiscal-year',
      'มาตรการ!D4 measure-period-unrecognised',
      'มาตรการ!D5 measure-period-unrecognised',
    ]);
    expect(f[2].message).toContain('ตุลาคม ๒๕๖๗ ถึง กันยายน ๒๕๖๘');
  });

  test('empty required cells', () => {
    expect(rulesAt(corrected({ มาตรการ: { C2: '', F6: null } }))).toEqual([
      'มาตรการ!C2 required-cell-empty',
      'มาตรการ!F6 required-cell-empty',
    ]);
  });
});

describe('free text', () => {
  test('invisible characters and extra spaces are two different things', () => {
    expect(rulesAt(corrected({ มาตรการ: { C2: ' สำนัก\u200bปลัด\u00a0' } }))).toEqual([
      'มาตรการ!C2 text-invisible-characters',
      'มาตรการ!C2 text-extra-spaces',
    ]);
  });

  test('mixed digits, but not in codes, URLs and e-mail addresses', () => {
    expect(rulesAt(corrected({ มาตรการ: { E2: 'ประชุม 3 ครั้ง ปี ๒๕๖๘' } }))).toEqual([
      'มาตรการ!E2 text-mixed-digits',
    ]);
    for (const ok of [
      'ตามข้อ i4 ปี ๒๕๖๘',
      'เว็บไซต์ www.site2.go.th ปี ๒๕๖๘',
      'ติดต่อ abc123@gmail.com ปี ๒๕๖๘',
      'ตัวชี้วัด EIT1.6 ปี ๒๕๖๘',
    ]) {
      expect(rulesAt(corrected({ มาตรการ: { E2: ok } }))).toEqual([]);
    }
  });

  test('พ.ศ. spacing', () => {
    const [f] = findingsOf(corrected({ มาตรการ: { E2: 'ภายในปีพ.ศ. 2568 และ พ.ศ.2569' } }));
    expect(f.rule).toBe('text-be-spacing');
    expect(f.message).toContain('“ภายในปี พ.ศ.”');
    expect(f.message).toContain('“พ.ศ. 2569”');
  });
});

describe('findings', () => {
  test('sorted: tab in contract order, errors first, then row and column', () => {
    const f = findingsOf(
      corrected({
        มาตรการ: { C2: '' },
        คะแนน: { C20: 'x', C3: ' 91.33 x' },
        ข้อมูลทั่วไป: { B13: 'yes', B6: '' },
      }),
    );
    expect(f.map(where)).toEqual([
      'ข้อมูลทั่วไป!B6 required-cell-empty',
      'ข้อมูลทั่วไป!B13 yes-no-invalid',
      'คะแนน!C3 score-not-number',
      'คะแนน!C20 score-not-number',
      'คะแนน!C3 text-extra-spaces',
      'มาตรการ!C2 required-cell-empty',
    ]);
  });

  test('every message is Thai and names what to do', () => {
    const f = findingsOf(corrected({ คะแนน: { C2: 90 }, ข้อเสนอแนะ: { C2: '14' } }));
    for (const x of f) expect(x.message).toMatch(/[\u0e00-\u0e7f]/);
  });

  test('only the contract tabs are validated; staff tabs are ignored', () => {
    const tabs = { ...corrected(), ชีตของฉัน: [['อะไรก็ได้', '#REF!']] };
    expect(findingsOf(tabs)).toEqual([]);
  });
});
