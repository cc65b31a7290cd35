import { nodeRealm } from '../../src/local/load-bundle';
import { CallLog } from '../../src/local/services/calls';
import { Clock } from '../../src/local/services/utilities/clock';
import { Utilities } from '../../src/local/services/utilities/index';

/**
 * Utilities.formatDate follows java.text.SimpleDateFormat, as Google's reference says
 * (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).
 * Expected strings are what Java prints for the same instant, zone and pattern.
 */

const clock = new Clock(() => new Date('2025-10-03T00:00:00Z'));
const U = new Utilities(
  new CallLog(),
  clock,
  nodeRealm,
) as unknown as GoogleAppsScript.Utilities.Utilities;
const fmt = (iso: string, tz: string, pattern: string) => U.formatDate(new Date(iso), tz, pattern);

// Midnight of Friday 3 October 2025 in Bangkok.
const MIDNIGHT_BKK = '2025-10-02T17:00:00Z';

describe('Utilities.formatDate', () => {
  test.each([
    ['yyyy-MM-dd', '2025-10-03'],
    ['dd/MM/yyyy HH:mm:ss', '03/10/2025 00:00:00'],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", '2025-10-03T00:00:00+07:00'],
    ['Z', '+0700'],
    ['X|XX|XXX', '+07|+0700|+07:00'],
    ['EEEE d MMMM yyyy', 'Friday 3 October 2025'],
    ['EEE, MMM d, yy', 'Fri, Oct 3, 25'],
    ['h:mm a', '12:00 AM'],
    ['H k K h', '0 24 0 12'],
    ['z zzzz', 'ICT Indochina Time'],
    ['D u G', '276 5 AD'],
    ["'at' HH 'o''clock'", "at 00 o'clock"],
  ])('Asia/Bangkok %s', (pattern, expected) => {
    expect(fmt(MIDNIGHT_BKK, 'Asia/Bangkok', pattern)).toBe(expected);
  });

  test.each([
    ['yyyy-MM-dd HH:mm', '2025-10-02 17:00'],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", '2025-10-02T17:00:00Z'],
    ['Z', '+0000'],
    ['h a', '5 PM'],
    ['z', 'UTC'],
  ])('UTC %s', (pattern, expected) => {
    expect(fmt(MIDNIGHT_BKK, 'UTC', pattern)).toBe(expected);
  });

  test('milliseconds, short fields and padding', () => {
    expect(fmt('2025-01-05T01:02:03.045Z', 'UTC', 'HH:mm:ss.SSS S M d D u')).toBe(
      '01:02:03.045 45 1 5 5 7',
    );
    expect(fmt('2025-01-05T01:02:03.045Z', 'UTC', 'yyyyy MM dd')).toBe('02025 01 05');
  });

  test('YYYY is the week year (the classic end-of-December trap), yyyy the calendar year', () => {
    expect(fmt('2024-12-29T05:00:00Z', 'Asia/Bangkok', 'yyyy YYYY')).toBe('2024 2025');
    expect(fmt('2024-12-27T05:00:00Z', 'Asia/Bangkok', 'yyyy YYYY')).toBe('2024 2024');
  });

  test('GMT offsets as zone ids; unknown zones fall back to GMT as Java does', () => {
    expect(fmt(MIDNIGHT_BKK, 'GMT+7', 'yyyy-MM-dd HH:mm Z')).toBe('2025-10-03 00:00 +0700');
    expect(fmt(MIDNIGHT_BKK, 'GMT+07:00', 'HH:mm')).toBe('00:00');
    expect(fmt(MIDNIGHT_BKK, 'Mars/Olympus', 'HH:mm Z')).toBe('17:00 +0000');
  });

  test('daylight saving time zones use the offset of the instant', () => {
    expect(fmt('2025-07-01T12:00:00Z', 'Europe/London', 'HH:mm Z')).toBe('13:00 +0100');
    expect(fmt('2025-01-01T12:00:00Z', 'Europe/London', 'HH:mm Z')).toBe('12:00 +0000');
  });

  test('illegal and unemulated pattern letters throw', () => {
    expect(() => fmt(MIDNIGHT_BKK, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => fmt(MIDNIGHT_BKK, 'UTC', 'ww')).toThrow('not supported');
  });
});

describe('other Utilities', () => {
  test('formatString is sprintf-like', () => {
    expect(U.formatString('%s scored %d (%.2f%%)', 'ITA', 93.53, 93.531)).toBe(
      'ITA scored 93 (93.53%)',
    );
    expect(U.formatString('%5s|%-5s|%05d|%+d|%x', 'ab', 'ab', 42, 3, 255)).toBe(
      '   ab|ab   |00042|+3|ff',
    );
  });

  test('base64 round trips Thai text; web-safe uses - and _', () => {
    const encoded = U.base64Encode('บันทึกข้อความ');
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe('บันทึกข้อความ');
    const bytes = U.base64Decode(encoded);
    expect(U.newBlob(bytes).getDataAsString()).toBe('บันทึกข้อความ');
    expect(U.base64EncodeWebSafe([-5, -17, -1])).toBe('--__');
    expect(U.base64DecodeWebSafe('--__')).toEqual([-5, -17, -1]);
  });

  test('computeDigest gives signed bytes', () => {
    const digest = U.computeDigest(U.DigestAlgorithm.SHA_256, 'abc');
    expect(digest).toHaveLength(32);
    expect(digest[0]).toBe(-70); // 0xba
    expect(digest.every((b) => b >= -128 && b <= 127)).toBe(true);
  });

  test('newBlob keeps content type and name', () => {
    const blob = U.newBlob('<p>x</p>', 'text/html', 'a.html');
    expect([blob.getContentType(), blob.getName(), blob.getDataAsString()]).toEqual([
      'text/html',
      'a.html',
      '<p>x</p>',
    ]);
  });

  test('sleep advances the runtime clock instead of blocking', () => {
    const before = clock.now().getTime();
    const t0 = Date.now();
    U.sleep(60_000);
    expect(clock.now().getTime() - before).toBe(60_000);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(() => U.sleep(300_001)).toThrow();
  });

  test('getUuid and parseCsv', () => {
    expect(U.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(U.parseCsv('a,"b,c"\n"say ""hi""",d')).toEqual([
      ['a', 'b,c'],
      ['say "hi"', 'd'],
    ]);
  });
});
