// Offices' own templates: made with "สร้างแม่แบบมาตรฐาน", edited in Docs, checked before filling.
import type { DocModel, ListItemNode, ParagraphNode } from '../../src/local/docmodel';
import type { GenerateResult } from '../../src/shared/sidebar-api';
import { cleanupTempDirs } from '../local/helpers';
import { runtimeOn, values } from './harness';

afterAll(cleanupTempDirs);

const idOf = (url: string) => (/\/d\/([^/]+)/.exec(url) as RegExpExecArray)[1];

function para(text: string): ParagraphNode {
  return {
    type: 'paragraph',
    style: {},
    textStyle: {},
    children: [{ type: 'text', runs: [{ text, style: {} }] }],
  };
}

async function withTemplate(edit: (model: DocModel) => void, answers: string[] = []) {
  const rt = await runtimeOn('ita-2568-corrected', { answers: ['OK', ...answers] });
  rt.run('createTemplate');
  const link = values(rt, 'ข้อมูลทั่วไป').find((r) => r[0] === 'แม่แบบเอกสาร')?.[1] as string;
  const id = idOf(link);
  const model = rt.drive.readModel(id);
  edit(model);
  rt.drive.writeModel(id, model);
  return { rt, id };
}

describe('an office template', () => {
  it('is created with its link in แม่แบบเอกสาร and used for the next memo', async () => {
    const { rt } = await withTemplate((m) => {
      m.body.splice(1, 0, para('สำเนาเรียน ปลัด{{ชื่อหน่วยงาน}} ($1 \\ {{ชื่อหน่วยงาน}})'));
    });
    expect(rt.ui.dialogs[0].message).toContain('สร้างแม่แบบมาตรฐานแล้ว');
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    const memo = rt.drive.readModel(idOf(result.links.docUrl));
    const texts = memo.body.flatMap((b) =>
      !('children' in b)
        ? []
        : b.children.flatMap((c) => (c.type === 'text' ? c.runs.map((r) => r.text).join('') : [])),
    );
    expect(texts).toContain(
      'สำเนาเรียน ปลัดองค์การบริหารส่วนตำบลเมืองเก่า ($1 \\ องค์การบริหารส่วนตำบลเมืองเก่า)',
    );
  });

  it('is filled in its header, its list items and its tables, the chart placed in a table cell', async () => {
    const { rt } = await withTemplate((m) => {
      m.header = [para('{{ชื่อหน่วยงาน}} หน้า ')];
      m.body.unshift(
        {
          type: 'table',
          columnWidths: [null, null],
          rows: [
            { cells: [{ children: [para('แผนภูมิ')] }, { children: [para('{{แผนภูมิคะแนน}}')] }] },
          ],
        },
        { ...para('{{#ผู้ให้ความเห็น}}'), type: 'paragraph' },
        {
          ...para('{{ตำแหน่งที่ให้ความเห็น}}'),
          type: 'listItem',
          listId: 'kix.l',
          nestingLevel: 0,
          glyphType: 'NUMBER',
        },
        para('{{/ผู้ให้ความเห็น}}'),
      );
    });
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    if (result.status !== 'done') throw new Error(JSON.stringify(result));
    const memo = rt.drive.readModel(idOf(result.links.docUrl));
    expect(memo.header?.[0]).toMatchObject({
      children: [{ runs: [{ text: 'องค์การบริหารส่วนตำบลเมืองเก่า หน้า ' }] }],
    });
    const first = memo.body[0];
    if (first.type !== 'table') throw new Error('the table moved');
    const cell = first.rows[0].cells[1].children[0];
    expect('children' in cell && cell.children.map((c) => c.type)).toEqual(['image']);
    const items = memo.body.filter((b): b is ListItemNode => b.type === 'listItem');
    expect(
      items.map((b) =>
        b.children
          .map((c) => (c.type === 'text' ? c.runs.map((r) => r.text).join('') : ''))
          .join(''),
      ),
    ).toEqual(['หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล', 'ปลัดองค์การบริหารส่วนตำบลเมืองเก่า']);
    expect(new Set(items.map((b) => b.listId)).size).toBe(1);
  });

  it('with an unknown placeholder is refused with a finding naming it and where it is', async () => {
    const { rt } = await withTemplate((m) => m.body.splice(3, 0, para('โทร. {{เบอร์โทร}}')));
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(result.status).toBe('blocked');
    if (result.status !== 'blocked') return;
    expect(result.check.findings).toHaveLength(1);
    const f = result.check.findings[0];
    expect(f).toMatchObject({
      severity: 'error',
      sheet: 'ข้อมูลทั่วไป',
      rule: 'template-unknown-placeholder',
    });
    expect(f.message).toContain('{{เบอร์โทร}}');
    expect(f.message).toContain('ย่อหน้าที่ 4');
    // The half-made memo went to the trash; the log says why.
    const docs = rt.drive
      .listAll()
      .filter((x) => x.mimeType.endsWith('document') && x.name.startsWith('บันทึกข้อความ'));
    expect(docs.every((d) => d.trashed)).toBe(true);
    expect(values(rt, 'ประวัติ').at(-1)?.[5]).toBe('ไม่สำเร็จ');
  });

  it('with an unclosed block is refused with a finding naming the block', async () => {
    const { rt } = await withTemplate((m) =>
      m.body.push(para('{{#มาตรการ}}'), para('{{มาตรการ/กิจกรรม}}')),
    );
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(result.status).toBe('blocked');
    if (result.status !== 'blocked') return;
    expect(result.check.findings.map((f) => f.rule)).toEqual(['template-unclosed']);
    expect(result.check.findings[0].message).toContain('{{/มาตรการ}}');
  });

  it('that the add-on cannot reach (drive.file) gets a Thai message saying what to do', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const id = rt.drive.addUserDoc(
      rt.drive.readModel(rt.drive.addUserDoc({ ...emptyModel() }, 'x', undefined, true)),
      'แม่แบบของกอง',
    );
    const sheet = rt.spreadsheet.getSheetByName('ข้อมูลทั่วไป')!;
    const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === 'แม่แบบเอกสาร') + 1;
    sheet.getRange(row, 2).setValue(`https://docs.google.com/document/d/${id}/edit`);
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(result).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('สร้างแม่แบบมาตรฐาน'),
    });
  });
});

describe('sharing and comments', () => {
  it('a draft is shared with nobody, even when the PDF is to be public; sending gives reviewers comment access; comment status comes back', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const sign = rt.spreadsheet.getSheetByName('ผู้ลงนาม')!;
    sign.getRange('G3').setValue('head@muangkao.go.th');
    const general = rt.spreadsheet.getSheetByName('ข้อมูลทั่วไป')!;
    const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === 'เผยแพร่ลิงก์สาธารณะ') + 1;
    general.getRange(row, 2).setValue('ใช่');
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    if (result.status !== 'done') throw new Error(JSON.stringify(result));
    const pdf = rt.drive.fileInfo(idOf(result.links.pdfUrl));
    expect(pdf.permissions.filter((p) => p.type === 'anyone')).toEqual([]);
    const perms = () => rt.drive.fileInfo(idOf(result.links.docUrl)).permissions;
    expect(perms().filter((p) => p.role === 'commenter')).toEqual([]);
    rt.run('sidebarSend');
    expect(perms().map((p) => [p.role, p.emailAddress])).toContainEqual([
      'commenter',
      'head@muangkao.go.th',
    ]);

    const doc = rt.drive.fileInfo(idOf(result.links.docUrl));
    rt.drive.writeComments(doc.id, [
      comment('c1', false),
      comment('c2', true),
      comment('c3', false),
    ]);
    rt.ui.answers.push('OK');
    rt.run('refreshComments');
    const log = values(rt, 'ประวัติ');
    expect(log[1].slice(6, 8)).toEqual([2, 1]);
    expect(log[1][9]).toBe('มีความเห็นค้าง 2');
  });
});

function comment(id: string, resolved: boolean) {
  const at = '2025-10-04T02:00:00.000Z';
  return {
    id,
    content: 'แก้ถ้อยคำ',
    resolved,
    deleted: false,
    author: { displayName: 'หัวหน้าสำนักปลัด', emailAddress: 'head@muangkao.go.th' },
    createdTime: at,
    modifiedTime: at,
    replies: [],
  };
}

function emptyModel(): DocModel {
  return {
    id: 'x',
    title: 'x',
    pageWidth: 595,
    pageHeight: 842,
    marginTop: 72,
    marginBottom: 72,
    marginLeft: 72,
    marginRight: 72,
    defaultTextStyle: {},
    body: [para('{{ชื่อหน่วยงาน}}')],
  };
}
