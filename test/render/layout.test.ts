import type { Atom, Line, Measurer, TextPiece } from '../../src/local/render/layout';
import { MAX_LETTER_STRETCH_EM, layoutParagraph } from '../../src/local/render/layout';
import type { ParagraphLook } from '../../src/local/render/styles';
import { RunStyles } from '../../src/local/render/styles';
import { ACTION_THAI, LONG_THAI } from './fixtures';

/** Half an em per character, a quarter for a space, nothing for a combining mark. */
const measurer: Measurer = {
  width: (text, _face, size) => {
    let w = 0;
    for (const ch of text) w += /\p{Mn}/u.test(ch) ? 0 : ch === ' ' ? 0.25 : 0.5;
    return w * size;
  },
  displayable: (text) => text,
};

const styles = new RunStyles();
const style = styles.resolve({ fontSize: 10 });
const look = (over: Partial<ParagraphLook> = {}): ParagraphLook => ({
  heading: 'NORMAL',
  alignment: 'LEFT',
  indentStart: 0,
  indentEnd: 0,
  indentFirstLine: 0,
  spacingBefore: 0,
  spacingAfter: 0,
  lineSpacing: 1,
  keepWithNext: false,
  ...over,
});
const text = (t: string): Atom[] => [{ kind: 'text', text: t, style }];
const lay = (atoms: Atom[], l: ParagraphLook, width = 200) =>
  layoutParagraph(atoms, { width, look: l, strut: style }, measurer);
const texts = (line: Line) => line.pieces.filter((p): p is TextPiece => p.kind === 'text');
const right = (line: Line) => Math.max(...line.pieces.map((p) => p.x + p.width));
const squash = (s: string) => s.replace(/\s+/g, '');

describe('layoutParagraph', () => {
  it('keeps every line inside the column and loses no text', () => {
    const lines = lay(
      text(LONG_THAI),
      look({ indentStart: 20, indentEnd: 10, indentFirstLine: 50 }),
    );
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(right(line)).toBeLessThanOrEqual(190 + 0.01);
    expect(squash(lines.map((l) => l.text).join(''))).toBe(squash(LONG_THAI));
  });

  it('starts the first line at INDENT_FIRST_LINE and the others at INDENT_START', () => {
    const lines = lay(text(LONG_THAI), look({ indentStart: 40, indentFirstLine: 0 }));
    expect(texts(lines[0])[0].x).toBe(0);
    for (const line of lines.slice(1)) expect(texts(line)[0].x).toBe(40);
  });

  it('justifies every line but the last to both edges, spreading between clusters', () => {
    const lines = lay(text(LONG_THAI), look({ alignment: 'JUSTIFY', indentFirstLine: 30 }));
    const spread = (line: Line) => texts(line).some((p) => p.gaps?.some((g) => g > 0));
    for (const line of lines.slice(0, -1)) expect(right(line)).toBeCloseTo(200, 1);
    // A line that happens to fit exactly needs no spreading; most do.
    expect(lines.filter(spread).length).toBeGreaterThan(lines.length / 2);
    const last = lines[lines.length - 1];
    expect(texts(last).every((p) => !p.gaps)).toBe(true);
    expect(right(last)).toBeLessThan(200);
  });

  it('gives a space a larger share of the slack than a gap between Thai letters', () => {
    const [line] = lay(
      text('กกกกกกกก กกกกกกกก กกกกกกกกกกกกกกกกกกกกก'),
      look({ alignment: 'JUSTIFY' }),
      100,
    );
    const piece = texts(line)[0];
    const afterSpace = piece.gaps![piece.clusters!.indexOf(' ')];
    const betweenLetters = piece.gaps![0];
    expect(betweenLetters).toBeGreaterThan(0);
    expect(afterSpace).toBeGreaterThan(betweenLetters * 2);
  });

  it('centres and right-aligns by the line width without its trailing spaces', () => {
    const [centred] = lay(text('ดำเนินการ   '), look({ alignment: 'CENTER' }));
    const w = measurer.width('ดำเนินการ', 'regular', 10);
    expect(texts(centred)[0].x).toBeCloseTo((200 - w) / 2, 5);
    const [flushed] = lay(text('ดำเนินการ'), look({ alignment: 'RIGHT' }));
    expect(right(flushed)).toBeCloseTo(200, 5);
  });

  it('breaks a word longer than the line between grapheme clusters', () => {
    const word = 'ดำเนินการ'.repeat(12);
    const lines = lay(text(word), look(), 60);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(right(line)).toBeLessThanOrEqual(60.01);
      expect(line.text).not.toMatch(/^[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]/);
    }
    expect(lines.map((l) => l.text).join('')).toBe(word);
  });

  it('breaks an over-long token in linear time: every character measured a bounded number of times', () => {
    const measured = (n: number) => {
      let chars = 0;
      const counting: Measurer = {
        width: (t, face, size) => {
          chars += t.length;
          return measurer.width(t, face, size);
        },
        displayable: (t) => t,
      };
      const token = 'abcdefghij'.repeat(n / 10);
      const lines = layoutParagraph(
        text(`ก ${token} ข`),
        { width: 200, look: look(), strut: style },
        counting,
      );
      expect(squash(lines.map((l) => l.text).join('')) === `ก${token}ข`).toBe(true);
      for (const line of lines) expect(right(line)).toBeLessThanOrEqual(200.01);
      return chars;
    };
    // Measuring what is left of the token on every line made this quadratic (20,000 characters:
    // 5 million measured); now each character is measured a few times however long the token.
    expect(measured(20_000)).toBeLessThan(5 * 20_000);
    expect(measured(40_000)).toBeLessThan(5 * 40_000);
  });

  it('measures each run in its own size', () => {
    const big = styles.resolve({ fontSize: 20, bold: true });
    const lines = lay(
      [
        { kind: 'text', text: 'เล็ก ', style },
        { kind: 'text', text: 'ใหญ่', style: big },
      ],
      look(),
    );
    const [small, large] = texts(lines[0]);
    expect(large.x).toBeCloseTo(small.width, 5);
    expect(large.width).toBeCloseTo(measurer.width('ใหญ่', 'bold', 20), 5);
    // The line is as tall as its largest run: 1.4 em of 20 pt.
    expect(lines[0].height).toBeCloseTo(28, 5);
  });

  it('advances a tab to the next half-inch stop', () => {
    const [line] = lay(text('ที่\tวันที่'), look());
    const [before, after] = texts(line);
    expect(before.text).toBe('ที่');
    expect(after.text).toBe('วันที่');
    expect(after.x).toBe(36);
    expect(line.text).toBe('ที่\tวันที่');
  });

  it('multiplies the 1.4 em single line by the line spacing', () => {
    const single = lay(text('ก'), look())[0];
    const double = lay(text('ก'), look({ lineSpacing: 2 }))[0];
    expect(single.height).toBeCloseTo(14, 5);
    expect(double.height).toBeCloseTo(28, 5);
    expect(double.baseline).toBeGreaterThan(single.baseline);
  });

  it('ends a line at a soft break and a page at a page break', () => {
    const lines = lay(
      [
        { kind: 'text', text: 'หนึ่ง\nสอง', style },
        { kind: 'pageBreak' },
        { kind: 'text', text: 'สาม', style },
      ],
      look({ alignment: 'JUSTIFY' }),
    );
    expect(lines.map((l) => l.text)).toEqual(['หนึ่ง', 'สอง', 'สาม']);
    expect(lines.map((l) => l.pageBreakAfter)).toEqual([false, true, false]);
    for (const l of lines) expect(texts(l).every((p) => !p.gaps)).toBe(true);
  });

  it('puts a list label at the first-line indent and the text at the start indent', () => {
    const lines = layoutParagraph(
      text(ACTION_THAI),
      {
        width: 200,
        look: look({ indentFirstLine: 18, indentStart: 36 }),
        strut: style,
        label: { kind: 'text', text: '๑.' },
      },
      measurer,
    );
    const [label, first] = texts(lines[0]);
    expect(label.text).toBe('๑.');
    expect(label.x).toBe(18);
    expect(first.x).toBe(36);
    expect(lines[0].text.startsWith('๑. ')).toBe(true);
    expect(texts(lines[1])[0].x).toBe(36);
  });

  it('scales an image line to the image, sitting on the baseline', () => {
    const lines = lay(
      [
        {
          kind: 'image',
          image: { type: 'image', data: '', mimeType: 'image/png', width: 80, height: 80 },
          width: 60,
          height: 60,
        },
      ],
      look({ alignment: 'CENTER' }),
    );
    expect(lines).toHaveLength(1);
    const img = lines[0].pieces[0];
    expect(img.kind).toBe('image');
    expect(img.x).toBeCloseTo(70, 5);
    expect(lines[0].baseline).toBeCloseTo(60, 5);
    expect(lines[0].height).toBeGreaterThan(60);
  });

  describe('choosing where lines end', () => {
    const limit = MAX_LETTER_STRETCH_EM * 10;
    /** The largest space a justified line adds between two Thai letters. */
    const letterStretch = (line: Line) =>
      Math.max(
        0,
        ...texts(line).flatMap((p) =>
          (p.gaps ?? []).filter(
            (_, i) => p.clusters![i] !== ' ' && p.clusters![i + 1] && p.clusters![i + 1] !== ' ',
          ),
        ),
      );

    it('breaks differently when a justified line would spread its letters past the limit', () => {
      // Filled greedily, the second line would be ความโปร่งใส alone, 15 pt short: 1.7 pt between
      // its letters. Taking ที่ from the line above keeps both lines within the limit.
      const lines = lay(
        text('คุณธรรมให้การที่ความโปร่งใสหน่วยงานและ'),
        look({ alignment: 'JUSTIFY' }),
        65,
      );
      expect(lines.map((l) => l.text)).toEqual(['คุณธรรมให้การ', 'ที่ความโปร่งใส', 'หน่วยงานและ']);
      for (const line of lines.slice(0, -1)) {
        expect(letterStretch(line)).toBeLessThanOrEqual(limit + 1e-9);
        expect(right(line)).toBeCloseTo(65, 1);
      }
    });

    it('never spreads letters past the limit: a line that cannot be helped stops short of the margin', () => {
      const lines = lay(text('และ www.muangkhai.go.th/ita'), look({ alignment: 'JUSTIFY' }), 130);
      expect(lines.map((l) => l.text)).toEqual(['และ', 'www.muangkhai.go.th/ita']);
      expect(letterStretch(lines[0])).toBeCloseTo(limit, 9);
      expect(right(lines[0])).toBeLessThan(130);
    });

    it('keeps justified lines within the limit wherever the paragraph allows it', () => {
      for (let width = 120; width <= 400; width += 7) {
        const lines = lay(
          text(LONG_THAI),
          look({ alignment: 'JUSTIFY', indentFirstLine: 30 }),
          width,
        );
        for (const line of lines.slice(0, -1)) {
          expect(letterStretch(line)).toBeLessThanOrEqual(limit + 1e-9);
        }
      }
    });

    it('moves a word down rather than leave one word alone on the last line', () => {
      const lines = lay(text('และให้ประชาชนประชาชน'), look(), 73);
      expect(lines.map((l) => l.text)).toEqual(['และให้', 'ประชาชนประชาชน']);
    });

    it('leaves the last word alone when moving one would overstretch a justified line', () => {
      const lines = lay(text('และให้ประชาชนประชาชน'), look({ alignment: 'JUSTIFY' }), 73);
      expect(lines.map((l) => l.text)).toEqual(['และให้ประชาชน', 'ประชาชน']);
    });

    it('breaks a compound wider than the line where it is marked, a URL before a dot', () => {
      expect(lay(text('องค์การบริหารส่วนตำบล'), look(), 70).map((l) => l.text)).toEqual([
        'องค์การบริหาร',
        'ส่วนตำบล',
      ]);
      const url = lay(text('- www.muangkhai.go.th'), look(), 80).map((l) => l.text);
      expect(url).toEqual(['- www.muangkhai', '.go.th']);
    });
  });
});
