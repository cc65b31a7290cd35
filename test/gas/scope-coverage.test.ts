// Every Apps Script member the bundle calls, across the add-on's scenarios, has a scope entry
// (the gate would fail the call otherwise), and every entry names a member the emulation has.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Blob } from '../../src/local/services/blob';
import { CommentsCollection } from '../../src/local/services/drive/comments';
import { FilesCollection } from '../../src/local/services/drive/files';
import { PermissionsCollection } from '../../src/local/services/drive/permissions';
import { Document } from '../../src/local/services/document/document';
import { Paragraph, ListItem } from '../../src/local/services/document/paragraph';
import { Body, HeaderSection, FooterSection } from '../../src/local/services/document/sections';
import { Table, TableCell, TableRow } from '../../src/local/services/document/table';
import { Text } from '../../src/local/services/document/text';
import { HtmlOutput, HtmlService, HtmlTemplate } from '../../src/local/services/html';
import { Lock, LockService } from '../../src/local/services/lock';
import { Properties, PropertiesService } from '../../src/local/services/properties';
import { allMemberScopes, memberScopes } from '../../src/local/services/scopes';
import { scopeTableDoc } from '../../src/local/services/scopes-doc';
import { Session, User } from '../../src/local/services/session';
import { Range } from '../../src/local/services/spreadsheet/range';
import { Sheet } from '../../src/local/services/spreadsheet/sheet';
import { Spreadsheet } from '../../src/local/services/spreadsheet/spreadsheet';
import { SpreadsheetApp } from '../../src/local/services/spreadsheet/app';
import { Menu, Ui } from '../../src/local/services/ui';
import { Utilities } from '../../src/local/services/utilities/index';
import { cleanupTempDirs } from '../local/helpers';
import { runtimeOn, values } from './harness';

afterAll(cleanupTempDirs);

type Rt = Awaited<ReturnType<typeof runtimeOn>>;

const A = 'somsri@muangkao.go.th';
const B = 'somchai@muangkao.go.th';

/** Every member the runtime was asked for, refused calls included (a member with no entry is refused). */
function called(rt: Rt): string[] {
  return [...Object.keys(rt.calls.snapshot()), ...Object.keys(rt.calls.refused())];
}

/** The last row of ประวัติ: who, what, status. */
function lastLog(rt: Rt): unknown[] {
  const row = values(rt, 'ประวัติ').at(-1) ?? [];
  return [row[2], row[5]];
}

describe('the scope table', () => {
  it('covers every member the bundle calls in the add-on\u2019s scenarios, each run checked', async () => {
    const calls = new Set<string>();
    const collect = (rt: Rt) => called(rt).forEach((key) => calls.add(key));

    // A new sheet set up, checked as staff type (onEdit runs in LIMITED mode).
    const fresh = await runtimeOn(null, { defaultAnswers: true });
    fresh.open('NONE');
    fresh.run('setupSheets');
    expect(fresh.ui.dialogs.at(-1)?.message).toContain('ตั้งค่าแผ่นงานเรียบร้อย');
    fresh.edit('คะแนน', 'C3', 150);
    expect(fresh.spreadsheet.getSheetByName('คะแนน')!.getRange('C3').getNote()).toContain('150');
    collect(fresh);

    // The corrected example, used by two people with Google Picker set up.
    const rt = await runtimeOn('ita-2568-corrected', {
      defaultAnswers: true,
      user: A,
      editors: [A, B],
    });
    mkdirSync(join(rt.dir, 'drive', '.runtime'), { recursive: true });
    writeFileSync(
      join(rt.dir, 'drive', '.runtime', 'script-properties.json'),
      JSON.stringify({ ITAMEMO_PICKER_API_KEY: 'k', ITAMEMO_CLOUD_PROJECT_NUMBER: '1' }),
    );
    rt.open('LIMITED');
    rt.run('showSidebar');
    expect(rt.fromPage<{ office: string }>('sidebarState').office).toBe(
      'องค์การบริหารส่วนตำบลเมืองเก่า',
    );
    expect(rt.fromPage<{ errors: number }>('sidebarCheck').errors).toBe(0);
    rt.fromPage('sidebarSelect', 'คะแนน', 'C3');
    rt.edit('มาตรการ', 'F2', 'ไม่พบผู้ฝ่าฝืน พนักงานเทศบาล');
    expect(rt.spreadsheet.getSheetByName('มาตรการ')!.getRange('F2').getNote()).toContain(
      'พนักงานส่วนตำบล',
    );
    rt.edit('มาตรการ', 'F2', 'ไม่พบผู้ฝ่าฝืน');
    rt.run('createTemplate');
    expect(rt.ui.dialogs.at(-1)?.message).toContain('สร้างแม่แบบมาตรฐานแล้ว');
    rt.run('generate');
    expect(lastLog(rt)).toEqual(['สร้างบันทึกข้อความ', 'สำเร็จ']);
    rt.run('refreshComments');
    expect(rt.ui.dialogs.at(-1)?.message).toContain('อัปเดตสถานะความเห็นของเอกสาร 1 ฉบับ');
    // B picks the office's folder and A's template in Google Picker, then generates.
    const b = rt.as(B);
    const link = (label: string) => String(values(rt, 'ข้อมูลทั่วไป').find((r) => r[0] === label)?.[1]);
    const idOf = (url: string) => (/\/(?:d|folders)\/([^/?]+)/.exec(url) as RegExpExecArray)[1];
    b.run('chooseTemplate');
    expect(b.fromPage<{ kind: string }>('pickerConfig', 'template').kind).toBe('template');
    expect(b.pick<string>(idOf(link('แม่แบบเอกสาร')))).toContain('“แม่แบบเอกสาร”');
    b.run('chooseFolder');
    const office = rt.drive
      .listAll()
      .find(
        (f) =>
          f.mimeType === 'application/vnd.google-apps.folder' && f.name.startsWith('รายงาน ITA'),
      );
    expect(b.pick<string>(office!.id)).toContain('“โฟลเดอร์ปลายทาง”');
    expect(b.fromPage<{ status: string }>('sidebarGenerate', true).status).toBe('done');
    // A new fiscal year, and its undo, from the menu and as the command line runs them.
    rt.run('startNewFiscalYear');
    expect(rt.ui.dialogs.at(-1)?.message).toContain('เริ่มปีงบประมาณ 2569 แล้ว');
    rt.run('undoNewFiscalYear');
    expect(rt.ui.dialogs.at(-1)?.message).toContain('กลับไปที่ปีงบประมาณ 2568 แล้ว');
    const check = rt.run<{ status: string; fiscalYear: number }>('newYearCheck');
    expect(check.status).toBe('confirm');
    expect(rt.run<{ status: string }>('newYearStart', check.fiscalYear).status).toBe('done');
    expect(rt.run<{ status: string }>('newYearRestoreCheck').status).toBe('confirm');
    expect(rt.run<{ status: string }>('newYearRestore', 2568).status).toBe('done');
    collect(rt);

    const missing = [...calls].filter((key) => {
      const [service, member] = key.split(' ');
      return !memberScopes(service, member);
    });
    expect(missing).toEqual([]);
    // The scenarios reach every service the add-on uses.
    const services = new Set([...calls].map((k) => k.split(' ')[0]));
    for (const s of ['SpreadsheetApp', 'Ui', 'HtmlService', 'PropertiesService', 'LockService'])
      expect(services).toContain(s);
    for (const s of ['Session', 'Utilities', 'DocumentApp', 'Drive', 'Docs', 'ScriptApp'])
      expect(services).toContain(s);
  });

  it('would catch a member without an entry: the gate refuses it, and the refusal is recorded', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.execution.begin({ user: rt.user, authMode: 'FULL', budgetMs: 60_000 });
    try {
      expect(() => rt.calls.record('SpreadsheetApp', 'Range.noSuchMember')).toThrow(
        'has no entry in the scope table',
      );
    } finally {
      rt.execution.end();
    }
    expect(called(rt)).toContain('SpreadsheetApp Range.noSuchMember');
    expect(memberScopes('SpreadsheetApp', 'Range.noSuchMember')).toBeUndefined();
  });

  it('names only members the emulated classes have', () => {
    const classes: Record<string, { prototype: object }> = {
      'SpreadsheetApp SpreadsheetApp': SpreadsheetApp,
      'SpreadsheetApp Spreadsheet': Spreadsheet,
      'SpreadsheetApp Sheet': Sheet,
      'SpreadsheetApp Range': Range,
      'Ui Ui': Ui,
      'Ui Menu': Menu,
      'HtmlService HtmlService': HtmlService,
      'HtmlService HtmlOutput': HtmlOutput,
      'HtmlService HtmlTemplate': HtmlTemplate,
      'PropertiesService PropertiesService': PropertiesService,
      'PropertiesService DocumentProperties': Properties,
      'LockService LockService': LockService,
      'LockService Lock': Lock,
      'Session Session': Session,
      'Session User': User,
      'Utilities Utilities': Utilities,
      'Blob Blob': Blob,
      'Drive Files': FilesCollection,
      'Drive Permissions': PermissionsCollection,
      'Drive Comments': CommentsCollection,
      'DocumentApp Document': Document,
      'DocumentApp Body': Body,
      'DocumentApp HeaderSection': HeaderSection,
      'DocumentApp FooterSection': FooterSection,
      'DocumentApp Paragraph': Paragraph,
      'DocumentApp ListItem': ListItem,
      'DocumentApp Text': Text,
      'DocumentApp Table': Table,
      'DocumentApp TableRow': TableRow,
      'DocumentApp TableCell': TableCell,
    };
    const has = (proto: object, name: string) => {
      for (let p: object | null = proto; p; p = Object.getPrototypeOf(p))
        if (Object.prototype.hasOwnProperty.call(p, name)) return true;
      return false;
    };
    const stale = allMemberScopes().filter((m) => {
      const cls = classes[`${m.service.service} ${m.className}`];
      return cls && !has(cls.prototype, m.member);
    });
    expect(stale.map((m) => m.name)).toEqual([]);
  });
});

it('docs/scopes.md is the table as scripts/make-scope-table.ts writes it', () => {
  const written = readFileSync(join(__dirname, '..', '..', 'docs', 'scopes.md'), 'utf8');
  expect(written).toBe(scopeTableDoc());
});
