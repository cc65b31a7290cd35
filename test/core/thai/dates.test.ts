import fc from 'fast-check';
import vm from 'node:vm';
import {
  compareDates,
  dateFromCell,
  daysInMonth,
  fiscalYearBounds,
  fiscalYearOf,
  fiscalYearPeriod,
  isBuddhistEraYear,
  isValidCalendarDate,
  type CalendarDate,
} from '../../../src/core/thai/calendar';
import { formatMonthYear, formatPeriod, formatThaiDate } from '../../../src/core/thai/date-format';
import { parseDateValue, parsePeriod, parseThaiDate } from '../../../src/core/thai/date-parse';
import { thaiMonthNumber, THAI_MONTHS } from '../../../src/core/thai/months';

const OCT_3_2568: CalendarDate = { yearBE: 2568, month: 10, day: 3 };

describe('calendar', () => {
  test('days in month with Gregorian leap years on the BE year', () => {
    expect(daysInMonth(2567, 2)).toBe(29); // 2024
    expect(daysInMonth(2568, 2)).toBe(28);
    expect(daysInMonth(2443, 2)).toBe(28); // 1900
    expect(daysInMonth(2543, 2)).toBe(29); // 2000
    expect(daysInMonth(2568, 9)).toBe(30);
    expect(daysInMonth(2568, 10)).toBe(31);
  });

  test('fiscal year 2568 runs 1 Oct 2567 – 30 Sep 2568', () => {
    expect(fiscalYearBounds(2568)).toEqual({
      start: { yearBE: 2567, month: 10, day: 1 },
      end: { yearBE: 2568, month: 9, day: 30 },
    });
    expect(fiscalYearPeriod(2568)).toEqual({
      from: { yearBE: 2567, month: 10 },
      to: { yearBE: 2568, month: 9 },
    });
    expect(fiscalYearOf({ yearBE: 2567, month: 10 })).toBe(2568);
    expect(fiscalYearOf({ yearBE: 2568, month: 9 })).toBe(2568);
    expect(fiscalYearOf(OCT_3_2568)).toBe(2569);
  });

  test('BE years', () => {
    expect(isBuddhistEraYear(2568)).toBe(true);
    expect(isBuddhistEraYear(2025)).toBe(false);
    expect(isBuddhistEraYear(2568.5)).toBe(false);
  });

  test('date cells become the calendar date of the spreadsheet time zone', () => {
    const bangkokMidnight = new Date(Date.UTC(2025, 9, 2, 17, 0));
    expect(dateFromCell(bangkokMidnight)).toEqual(OCT_3_2568);
    expect(dateFromCell(bangkokMidnight, 0)).toEqual({ yearBE: 2568, month: 10, day: 2 });
    expect(dateFromCell(new Date(Date.UTC(2025, 9, 3, 16, 59)))).toEqual(OCT_3_2568);
    expect(dateFromCell(new Date(NaN))).toBeNull();
  });

  test('Dates from another realm (Apps Script, gas-local) are recognised', () => {
    const foreign = vm.runInNewContext('new Date(Date.UTC(2025, 9, 2, 17, 0))') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(parseDateValue(foreign)).toEqual({ ok: true, value: OCT_3_2568 });
  });

  test('compareDates orders dates', () => {
    expect(compareDates(OCT_3_2568, { yearBE: 2568, month: 10, day: 4 })).toBeLessThan(0);
    expect(compareDates(OCT_3_2568, OCT_3_2568)).toBe(0);
  });
});

describe('parseThaiDate', () => {
  test.each([
    '๓ ตุลาคม ๒๕๖๘',
    '3 ตุลาคม 2568',
    '3 ต.ค. 68',
    '3 ต.ค. 2568',
    '3 ต.ค.68',
    '๓/๑๐/๒๕๖๘',
    '03/10/2568',
    '3-10-68',
    'วันที่ ๓ ตุลาคม พ.ศ. ๒๕๖๘',
    ' 3  ตค  2568 ',
  ])('%s', (text) => {
    expect(parseThaiDate(text)).toEqual({ ok: true, value: OCT_3_2568 });
  });

  test('กรกฏาคม, the common misspelling, is July', () => {
    expect(parseThaiDate('1 กรกฏาคม 2568')).toEqual({
      ok: true,
      value: { yearBE: 2568, month: 7, day: 1 },
    });
  });

  test('a CE year is reported with the BE date', () => {
    expect(parseThaiDate('3 ต.ค. 2025')).toEqual({
      ok: false,
      reason: 'ce-year',
      suggestion: OCT_3_2568,
    });
    expect(parseThaiDate('3/10/2025')).toMatchObject({ reason: 'ce-year' });
  });

  test.each([
    ['', 'empty'],
    ['พรุ่งนี้', 'not-a-date'],
    ['3 Octember 2568', 'not-a-date'],
    ['3 ตุลาคม 568', 'not-a-date'],
    ['31 กันยายน 2568', 'invalid-date'],
    ['29 ก.พ. 2568', 'invalid-date'],
  ])('%j → %s', (text, reason) => {
    expect(parseThaiDate(text)).toMatchObject({ ok: false, reason });
  });

  test('a BE year typed into a date cell is caught', () => {
    const typedAsBE = new Date(Date.UTC(2568, 9, 2, 17, 0));
    expect(parseDateValue(typedAsBE)).toEqual({
      ok: false,
      reason: 'be-year-in-date-cell',
      suggestion: OCT_3_2568,
    });
  });

  test('other cell values', () => {
    expect(parseDateValue(45933)).toMatchObject({ ok: false, reason: 'not-a-date' });
    expect(parseDateValue(null)).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseDateValue(new Date(NaN))).toMatchObject({ ok: false, reason: 'invalid-date' });
  });
});

describe('parsePeriod', () => {
  test.each([
    ['มกราคม-พฤษภาคม ๒๕๖๘', [2568, 1], [2568, 5]],
    ['ตุลาคม ๒๕๖๗ ถึง กันยายน ๒๕๖๘', [2567, 10], [2568, 9]],
    ['ต.ค. 67 - ก.ย. 68', [2567, 10], [2568, 9]],
    ['ต.ค. 67 – ก.ย. 68', [2567, 10], [2568, 9]],
    ['ตุลาคม-กันยายน 2568', [2567, 10], [2568, 9]],
    ['ตุลาคม 2567 - กันยายน', [2567, 10], [2568, 9]],
    ['1 ต.ค. 67 - 30 ก.ย. 68', [2567, 10], [2568, 9]],
    ['ระหว่างเดือนมกราคม ถึงเดือนมีนาคม พ.ศ. ๒๕๖๘', [2568, 1], [2568, 3]],
    ['ตุลาคม ๒๕๖๗', [2567, 10], [2567, 10]],
    ['ตลอดปีงบประมาณ ๒๕๖๘', [2567, 10], [2568, 9]],
  ])('%s', (text, from, to) => {
    expect(parsePeriod(text)).toEqual({
      ok: true,
      value: { from: { yearBE: from[0], month: from[1] }, to: { yearBE: to[0], month: to[1] } },
    });
  });

  test.each([
    ['', 'empty'],
    ['มกราคม-พฤษภาคม', 'no-year'],
    ['ทั้งปี', 'not-a-period'],
    ['กันยายน 2568 - ตุลาคม 2567', 'reversed'],
    ['มกราคม-พฤษภาคม 2025', 'ce-year'],
    ['ตุลาคม - ธันวาคม - มกราคม 2568', 'not-a-period'],
  ])('%j → %s', (text, reason) => {
    expect(parsePeriod(text)).toMatchObject({ ok: false, reason });
  });
});

describe('formatting', () => {
  test('long and short, Thai and Arabic digits', () => {
    expect(formatThaiDate(OCT_3_2568)).toBe('๓ ตุลาคม ๒๕๖๘');
    expect(formatThaiDate(OCT_3_2568, { style: 'short' })).toBe('๓ ต.ค. ๖๘');
    expect(formatThaiDate(OCT_3_2568, { digits: 'arabic' })).toBe('3 ตุลาคม 2568');
    expect(formatThaiDate({ yearBE: 2600, month: 1, day: 1 }, { style: 'short' })).toBe(
      '๑ ม.ค. ๐๐',
    );
    expect(formatMonthYear({ yearBE: 2567, month: 10 }, { style: 'short' })).toBe('ต.ค. ๖๗');
    expect(formatPeriod(fiscalYearPeriod(2568))).toBe('ตุลาคม ๒๕๖๗ ถึง กันยายน ๒๕๖๘');
  });

  test('month names are all distinct and found again', () => {
    for (const m of THAI_MONTHS) {
      expect(thaiMonthNumber(m.long)).toBe(m.number);
      expect(thaiMonthNumber(m.short)).toBe(m.number);
      expect(thaiMonthNumber(m.short.replace(/\./g, ''))).toBe(m.number);
    }
  });

  // Node's ICU is the reference; production code is table-driven (Apps Script's Intl is unverified).
  const icuLong = new Intl.DateTimeFormat('th-TH-u-ca-buddhist-nu-thai', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const icuShort = new Intl.DateTimeFormat('th-TH-u-ca-buddhist-nu-thai', {
    day: 'numeric',
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  const dates = fc.date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(2199, 11, 31)),
    noInvalidDate: true,
  });

  test('matches ICU (th-TH, Buddhist calendar, Thai digits) over many dates', () => {
    fc.assert(
      fc.property(dates, (d) => {
        const date = dateFromCell(d, 0) as CalendarDate;
        expect(formatThaiDate(date)).toBe(icuLong.format(d));
        expect(formatThaiDate(date, { style: 'short' })).toBe(icuShort.format(d));
      }),
      { numRuns: 2000 },
    );
  });

  test('format → parse round trip, long and short, both digit styles', () => {
    // The parser reads four-digit BE years 2400–2699 (CE 1857–2156).
    const parsable = fc.date({
      min: new Date(Date.UTC(1860, 0, 1)),
      max: new Date(Date.UTC(2150, 11, 31)),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        parsable,
        fc.constantFrom('long' as const, 'short' as const),
        fc.constantFrom('thai' as const, 'arabic' as const),
        fc.integer({ min: -720, max: 840 }),
        (d, style, digits, offset) => {
          const date = dateFromCell(d, offset) as CalendarDate;
          expect(isValidCalendarDate(date)).toBe(true);
          const text = formatThaiDate(date, { style, digits });
          // Short years name the century 2500–2599 only.
          if (style === 'short' && Math.floor(date.yearBE / 100) !== 25) return;
          expect(parseThaiDate(text)).toEqual({ ok: true, value: date });
        },
      ),
    );
  });

  test('period format → parse round trip', () => {
    const month = fc.record({
      yearBE: fc.integer({ min: 2400, max: 2699 }),
      month: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(month, fc.integer({ min: 0, max: 36 }), (from, span) => {
        const index = from.yearBE * 12 + from.month - 1 + span;
        const to = { yearBE: Math.floor(index / 12), month: (index % 12) + 1 };
        if (to.yearBE >= 2700) return;
        expect(parsePeriod(formatPeriod({ from, to }))).toEqual({ ok: true, value: { from, to } });
      }),
    );
  });

  test('parsers never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(() => parseThaiDate(s)).not.toThrow();
        expect(() => parsePeriod(s)).not.toThrow();
      }),
    );
    const thaiish = fc.string({
      unit: fc.constantFrom(...'๐๑๒๓๔๕๖๗๘๙0123456789 ./-–ถึงตุลาคมต.ค.ก.ย.พ.ศ.'.split('')),
    });
    fc.assert(
      fc.property(thaiish, fc.anything({ withDate: true }), (s, v) => {
        expect(() => parseThaiDate(s)).not.toThrow();
        expect(() => parsePeriod(s)).not.toThrow();
        expect(() => parseDateValue(v)).not.toThrow();
        const r = parseThaiDate(s);
        if (r.ok) expect(isValidCalendarDate(r.value)).toBe(true);
      }),
    );
  });
});
