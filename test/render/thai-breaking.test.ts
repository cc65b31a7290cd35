import fc from 'fast-check';
import {
  FALLBACK,
  breakUnits,
  fallbackBreaks,
  graphemes,
  isThaiLetterCluster,
  stripInvisible,
  withNoBreakSpaces,
} from '../../src/local/render/thai-breaking';
import { isThaiLetter, memoCompounds, segmentThai } from '../../src/local/render/thai-dictionary';
import { ACTION_THAI, LONG_THAI, MARKS_THAI } from './fixtures';

/** The unit holding `needle` whole, or undefined if a line could break inside it. */
const unitWith = (text: string, needle: string) => breakUnits(text).find((u) => u.includes(needle));
/** Every one of `pieces` lies whole inside one unit of `text`. */
const whole = (text: string, pieces: string[]) =>
  pieces.filter((p) => !breakUnits(text).some((u) => u.includes(p)));

describe('breakUnits', () => {
  it('splits Thai between dictionary words, keeps compounds whole and loses nothing', () => {
    const units = breakUnits(ACTION_THAI);
    expect(units.join('')).toBe(ACTION_THAI);
    expect(units.length).toBeGreaterThan(15);
    // ICU's segmenter split ดำเนิน|การ and งบ|ประมาณ: the memo's compounds are words here.
    expect(units).toContain('ดำเนินการ');
    expect(units).toContain('คุณธรรม');
    expect(units).toContain('องค์การบริหารส่วนตำบล ');
    expect(units.some((u) => u.includes('ปีงบประมาณ'))).toBe(true);
    for (const part of ['ดำเนิน', 'งบ', 'ประมาณ', 'คุณ']) expect(units).not.toContain(part);
  });

  it('keeps every compound of the list whole, alone and between other words', () => {
    for (const word of memoCompounds()) {
      for (const text of [word, `และ${word}ของ`, `ได้ ${word} แล้ว`]) {
        expect(whole(text, [word])).toEqual([]);
      }
    }
  });

  it('never breaks inside a URL, an e-mail address or a code', () => {
    const text =
      'เผยแพร่ผ่านเว็บไซต์ www.muangkhai.go.th/ita/2568 และ https://itas.nacc.go.th/home?id=1&y=2568 ติดต่อ saraban@muangkhai.go.th ระบบ E-Service ข้อ i13 o8 และ EIT/OIT';
    expect(
      whole(text, [
        'www.muangkhai.go.th/ita/2568',
        'https://itas.nacc.go.th/home?id=1&y=2568',
        'saraban@muangkhai.go.th',
        'E-Service',
        'i13',
        'o8',
        'EIT/OIT',
      ]),
    ).toEqual([]);
  });

  it('keeps a number with its unit and with the word that leads it', () => {
    const text =
      'จำนวน ๘๔ คน คิดเป็นร้อยละ ๙๕ ได้ ๙๓.๕๓ คะแนน ตามตัวชี้วัดที่ ๕ และมาตรา ๙ ระหว่าง ๑ ตุลาคม ๒๕๖๗ ถึง 30 กันยายน 2568';
    expect(
      whole(text, [
        '๘๔ คน',
        'ร้อยละ ๙๕',
        '๙๓.๕๓ คะแนน',
        'ที่ ๕',
        'มาตรา ๙',
        '๑ ตุลาคม ๒๕๖๗',
        '30 กันยายน 2568',
      ]),
    ).toEqual([]);
    // A list number typed in the text is not a number with a unit.
    expect(breakUnits('การปฏิบัติหน้าที่ ๒.การใช้งบประมาณ')).toContain('ปฏิบัติหน้าที่ ');
  });

  it('marks the spaces it glues as no-break spaces for the DOCX, and no others', () => {
    const nb = (t: string) => withNoBreakSpaces(t).replace(/\u00a0/g, '⍽');
    expect(nb('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ได้ ๘๕ คะแนน ร้อยละ ๙๕ ของ')).toBe(
      'ประจำปีงบประมาณ พ.ศ.⍽๒๕๖๘ ได้ ๘๕⍽คะแนน ร้อยละ⍽๙๕ ของ',
    );
    expect(nb('- www.muangkhai.go.th')).toBe('-⍽www.muangkhai.go.th');
    expect(nb('การปฏิบัติหน้าที่ ๒.การใช้งบประมาณ')).toBe('การปฏิบัติหน้าที่ ๒.การใช้งบประมาณ');
  });

  it('keeps a leading dash or bullet with the word after it', () => {
    expect(breakUnits('- www.muangkhai.go.th')).toEqual(['- www.muangkhai.go.th']);
    expect(breakUnits('• จัดทำประมวลจริยธรรม')[0]).toBe('• จัดทำ');
  });

  it('never starts a unit with a space: spaces hang at the end of a line', () => {
    for (const u of breakUnits(LONG_THAI).slice(1)) expect(u[0]).not.toBe(' ');
  });

  it('keeps พ.ศ., (๘), ต่าง ๆ, แผนฯ, decimals and addresses whole', () => {
    const text = 'ประจำปี พ.ศ. ๒๕๖๘ มาตรา ๙ (๘) แห่ง ต่าง ๆ ตามแผนฯ ที่ ๙๓.๕๓ คะแนน www.muangkhai.go.th';
    expect(unitWith(text, 'พ.ศ.')).toBeDefined();
    expect(unitWith(text, '(๘)')).toBeDefined();
    expect(unitWith(text, 'ต่าง ๆ')).toBeDefined();
    expect(unitWith(text, 'แผนฯ')).toBeDefined();
    expect(unitWith(text, '๙๓.๕๓')).toBeDefined();
    expect(unitWith(text, 'www.muangkhai.go.th')).toBeDefined();
  });

  it('allows a break after a slash but not before one', () => {
    const units = breakUnits('มาตรการ/โครงการ/กิจกรรม');
    expect(units.join('')).toBe('มาตรการ/โครงการ/กิจกรรม');
    expect(units.length).toBeGreaterThan(1);
    for (const u of units) expect(u.startsWith('/')).toBe(false);
    expect(units[0].endsWith('/')).toBe(true);
  });

  it('keeps closing punctuation with the word before it', () => {
    for (const u of breakUnits('Assessment: IIT) และ ข้อมูล, ต่อไป.')) {
      expect(u[0]).not.toMatch(/[:),.]/);
    }
  });
});

describe('graphemes', () => {
  it('matches Intl.Segmenter on Thai and Latin', () => {
    const intl = new Intl.Segmenter('th', { granularity: 'grapheme' });
    for (const text of [LONG_THAI, MARKS_THAI, ACTION_THAI]) {
      expect(graphemes(text)).toEqual(Array.from(intl.segment(text), (s) => s.segment));
    }
  });

  it('keeps marks on their base: SARA AM and tone marks never start a cluster', () => {
    const clusters = graphemes('น้ำดำเนินการ ญี่ปุ่น');
    expect(clusters).toContain('น้ำ');
    expect(clusters).toContain('ดำ');
    expect(clusters).toContain('ญี่');
    for (const c of clusters) expect(c).not.toMatch(/^[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]/);
  });

  it('falls back to Intl.Segmenter for other scripts', () => {
    expect(graphemes('👍🏽a')).toEqual(['👍🏽', 'a']);
  });

  it('tells Thai letters from Thai digits and signs', () => {
    expect(isThaiLetterCluster('ดำ')).toBe(true);
    expect(isThaiLetterCluster('๒')).toBe(false);
    expect(isThaiLetterCluster('ๆ')).toBe(false);
    expect(isThaiLetterCluster('a')).toBe(false);
  });
});

describe('stripInvisible', () => {
  it('removes zero-width and soft characters that Sarabun cannot draw', () => {
    expect(stripInvisible('ดำเนิน\u200bการ\u00ad\ufeff')).toBe('ดำเนินการ');
  });
});

describe('era abbreviations', () => {
  it('keeps พ.ศ. on the line of its year', () => {
    const units = breakUnits('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ เรียบร้อยแล้ว');
    expect(units.some((u) => u.includes('พ.ศ. ๒๕๖๘'))).toBe(true);
    expect(breakUnits('ค.ศ. 2025 แล้ว').some((u) => u.includes('ค.ศ. 2025'))).toBe(true);
  });
});

/** The dictionary's verdict on a break between two Thai letters at k. */
function isWordBoundary(text: string, k: number): boolean {
  let from = k;
  while (from > 0 && isThaiLetter(text.charCodeAt(from - 1))) from--;
  let to = k;
  while (to < text.length && isThaiLetter(text.charCodeAt(to))) to++;
  const pieces = segmentThai(text, from, to, { abbreviated: text[to] === '.' });
  const at = pieces.findIndex((p) => p.end === k);
  return at >= 0 && pieces[at].known && pieces[at + 1]?.known === true;
}

describe('breakUnits, for any text made of the memo’s kinds of pieces', () => {
  const words = [...memoCompounds(), 'และ', 'ของ', 'ใน', 'การ', 'ให้', 'มี', 'ที่', 'ผล', 'ประชาชน'];
  const protectedPieces = [
    'www.muangkhai.go.th',
    'https://itas.nacc.go.th/ita?y=2568',
    'saraban@muangkhai.go.th',
    'E-Service',
    'i13',
    'o8',
    'พ.ศ. ๒๕๖๘',
    '๘๔ คน',
    'ร้อยละ ๙๕',
    '๙๓.๕๓ คะแนน',
  ];
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...words) },
    { weight: 1, arbitrary: fc.constantFrom(...protectedPieces).map((p) => ` ${p} `) },
    { weight: 1, arbitrary: fc.constantFrom(' ', ' ๆ ', '/', ' (', ') ', ', ') },
  );
  const texts = fc.array(piece, { minLength: 1, maxLength: 40 }).map((ps) => ps.join(''));

  it('gives the text back when the units are joined', () => {
    fc.assert(fc.property(texts, (text) => breakUnits(text).join('') === text));
  });

  it('breaks between two Thai letters only at a boundary of two dictionary words', () => {
    fc.assert(
      fc.property(texts, (text) => {
        let k = 0;
        for (const unit of breakUnits(text).slice(0, -1)) {
          k += unit.length;
          if (isThaiLetter(text.charCodeAt(k - 1)) && isThaiLetter(text.charCodeAt(k))) {
            if (!isWordBoundary(text, k)) return false;
          }
        }
        return true;
      }),
    );
  });

  it('never breaks inside a URL, an e-mail address, a code, an era and its year, or a number and its unit', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const units = breakUnits(text);
        const cuts = new Set<number>();
        let k = 0;
        for (const u of units) cuts.add((k += u.length));
        for (const p of protectedPieces) {
          for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
            for (let c = i + 1; c < i + p.length; c++) if (cuts.has(c)) return false;
          }
        }
        return true;
      }),
    );
  });

  it('never breaks inside a compound of the list', () => {
    // Compounds joined to each other can read two ways (หน่วยงาน|ภาครัฐ): spaces keep them apart.
    const spaced = fc
      .array(fc.constantFrom(...memoCompounds()), { minLength: 1, maxLength: 20 })
      .map((ws) => ws.join(' '));
    fc.assert(fc.property(spaced, (text) => breakUnits(text).every((u) => /^\S+ ?$/.test(u))));
  });
});

describe('the dictionary segmentation', () => {
  it('takes time linear in the text: trie steps per character are bounded by the longest word', () => {
    const steps = (n: number) => {
      const counter = { count: 0 };
      // Repetitions of a long compound's start: every position walks deep into the trie.
      const text = 'องค์การบริหารส่วน'.repeat(Math.ceil(n / 17)).slice(0, n);
      segmentThai(text, 0, text.length, { steps: counter });
      return counter.count;
    };
    expect(steps(20_000)).toBeLessThan(30 * 20_000);
    expect(steps(40_000) / steps(20_000)).toBeLessThan(2.2);
  });

  it('splits ประจำปีงบประมาณ as ประจำ|ปีงบประมาณ and ends before an abbreviation', () => {
    const text = 'ประจำปีงบประมาณพ';
    const pieces = segmentThai(text, 0, text.length, { abbreviated: true });
    expect(pieces.map((p) => p.end)).toEqual([5, 15, 16]);
    expect(pieces.every((p) => p.known)).toBe(true);
  });

  it('leaves a name no list holds as one unknown piece, which no line breaks around', () => {
    const units = breakUnits('ว่าที่ร้อยตรีชนภัชปฐุมารรณ์');
    expect(units.join('')).toBe('ว่าที่ร้อยตรีชนภัชปฐุมารรณ์');
    expect(units[units.length - 1]).toMatch(/ปฐุมารรณ์$/);
  });
});

describe('fallbackBreaks (a unit wider than a line)', () => {
  const classAt = (unit: string, before: string) => fallbackBreaks(unit)[unit.indexOf(before)];

  it('prefers a glued space, then a compound’s mark, then a word boundary inside it', () => {
    expect(classAt('๘๕ คะแนน', 'คะแนน')).toBe(FALLBACK.space);
    expect(classAt('องค์การบริหารส่วนตำบล', 'ส่วนตำบล')).toBe(FALLBACK.mark);
    expect(classAt('องค์การบริหารส่วนตำบล', 'บริหาร')).toBe(FALLBACK.word);
  });

  it('breaks a URL before a dot or after a slash, never inside a Thai cluster', () => {
    const url = 'www.muangkhai.go.th/ita';
    expect(classAt(url, '.go')).toBe(FALLBACK.word);
    expect(classAt(url, 'ita')).toBe(FALLBACK.word);
    const at = fallbackBreaks('ผู้รับผิดชอบ');
    expect(at['ผู้รับผิดชอบ'.indexOf('\u0e49')]).toBe(0);
    expect(at['ผู้รับผิดชอบ'.indexOf('\u0e39')]).toBe(0);
  });
});
