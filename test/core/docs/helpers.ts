// Documents for the Docs API tests: plain document models, read back through the local Docs
// service's JSON (as Documents.get returns it) and filled with the core's requests.
import { readDocsTemplate } from '../../../src/core/docs/read';
import { fillRequests } from '../../../src/core/docs/fill';
import type { Document } from '../../../src/core/docs/types';
import {
  checkTemplate,
  expandTemplate,
  parseTemplate,
  type Schema,
  type Scope,
} from '../../../src/core/template';
import {
  emptyDocModel,
  inlineText,
  type BlockNode,
  type DocModel,
  type ParagraphNode,
  type TextStyle,
} from '../../../src/local/docmodel';
import { applyRequests } from '../../../src/local/services/docs-api/apply';
import { documentJson } from '../../../src/local/services/docs-api/json';
import type { Out } from '../template/apply';

export function p(text: string, style: TextStyle = {}): ParagraphNode {
  return {
    type: 'paragraph',
    style: {},
    textStyle: {},
    children: text ? [{ type: 'text', runs: [{ text, style }] }] : [],
  };
}

export function table(rows: string[][][]): BlockNode {
  return {
    type: 'table',
    columnWidths: rows[0].map(() => null),
    rows: rows.map((r) => ({ cells: r.map((cell) => ({ children: cell.map((t) => p(t)) })) })),
  };
}

export function model(body: BlockNode[], header?: BlockNode[]): DocModel {
  const m = emptyDocModel('doc', 'doc');
  m.body = body;
  if (header) m.header = header;
  return m;
}

export function json(m: DocModel): Document {
  return documentJson(m, m.id) as Document;
}

/** Fills a model's template with the core's requests applied by the local Docs service. */
export function fillModel(m: DocModel, schema: Schema, data: Scope) {
  const doc = json(m);
  const tree = readDocsTemplate(doc);
  const parsed = parseTemplate(tree);
  const problems = [...parsed.problems, ...checkTemplate(parsed, schema)];
  if (problems.length) throw new Error(problems.map((x) => x.message).join('\n'));
  const plan = expandTemplate(parsed, data);
  const fill = fillRequests(doc, plan);
  const filled = structuredClone(m);
  applyRequests(filled, fill.requests);
  return { tree, plan, fill, filled };
}

/** The filled document's text as the reference applier (test/core/template/apply.ts) shapes it. */
export function outline(blocks: BlockNode[]): Out[] {
  return blocks.map((b): Out =>
    b.type === 'table'
      ? { table: b.rows.map((r) => r.cells.map((c) => outline(c.children))) }
      : b.type === 'sectionBreak'
        ? '(section break)'
        : inlineText(b.children),
  );
}

/** Docs keeps empty paragraphs where it cannot remove one (before a table, last in a cell). */
export function withoutEmpty(out: Out[]): Out[] {
  return out
    .filter((o) => o !== '')
    .map((o) =>
      typeof o === 'object' && 'table' in o
        ? { table: o.table.map((r) => r.map((c) => withoutEmpty(c))) }
        : o,
    );
}
