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
import { runtimeOn } from './harness';

afterAll(cleanupTempDirs);

describe('the scope table', () => {
  it('covers every member the bundle calls in the add-on\u2019s scenarios', async () => {
    const calls = new Set<string>();
    const collect = (rt: Awaited<ReturnType<typeof runtimeOn>>) => {
      for (const key of Object.keys(rt.calls.snapshot())) calls.add(key);
    };
    // A new sheet set up, checked as staff type, then the published and corrected examples.
    const fresh = await runtimeOn(null, { defaultAnswers: true });
    fresh.open('NONE');
    fresh.run('setupSheets');
    fresh.edit('คะแนน', 'C3', 150);
    collect(fresh);

    const rt = await runtimeOn('ita-2568-corrected', { defaultAnswers: true });
    mkdirSync(join(rt.dir, 'drive', '.runtime'), { recursive: true });
    writeFileSync(
      join(rt.dir, 'drive', '.runtime', 'script-properties.json'),
      JSON.stringify({ ITAMEMO_PICKER_API_KEY: 'k', ITAMEMO_CLOUD_PROJECT_NUMBER: '1' }),
    );
    rt.open('LIMITED');
    rt.run('showSidebar');
    rt.run('sidebarState');
    rt.run('sidebarCheck');
    rt.run('sidebarSelect', 'คะแนน', 'C3');
    rt.run('createTemplate');
    rt.run('generate');
    rt.run('refreshComments');
    rt.run('chooseFolder');
    rt.run('pickerConfig', 'folder');
    rt.as('b@example.go.th').run('sidebarGenerate', true);
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
