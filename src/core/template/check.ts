/**
 * Checks a parsed template against the schema: every name must exist where it is used, lists
 * must be used as blocks, and a chart must stand alone in its paragraph.
 */
import {
  describeWhere,
  tagText,
  type Block,
  type ParsedPara,
  type Piece,
  type RowBlock,
} from './parse';
import { findField, visibleNames, type Field, type Schema } from './schema';
import { placeholderKey, type Tag } from './tags';
import type { SectionName, TemplateProblem, Where } from './tree';

export function checkTemplate(
  parsed: { body: Block[]; header?: Block[]; footer?: Block[] },
  schema: Schema,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const section of ['body', 'header', 'footer'] as const) {
    const blocks = parsed[section];
    if (blocks) new Checker(section, problems).blocks(blocks, [schema], []);
  }
  return problems;
}

class Checker {
  constructor(
    private readonly section: SectionName,
    private readonly problems: TemplateProblem[],
  ) {}

  private report(rule: string, message: string, path: number[], snippet: string): void {
    const where: Where = {
      section: this.section,
      path,
      snippet: snippet.replace(/\s+/g, ' ').trim(),
    };
    this.problems.push({ rule, message, where, location: describeWhere(where) });
  }

  blocks(blocks: Block[], schemas: Schema[], path: number[]): void {
    for (const b of blocks) {
      if (b.kind === 'section') {
        this.blocks(b.body, this.enter(b.open, schemas, path, ''), path);
      } else if (b.node.kind === 'para') {
        this.paragraph(b.node, schemas, [...path, b.index]);
      } else if (b.node.kind === 'table') {
        this.rows(b.node.rows, schemas, [...path, b.index]);
      }
    }
  }

  private rows(rows: RowBlock[], schemas: Schema[], path: number[]): void {
    for (const r of rows) {
      if (r.kind === 'section') this.rows(r.body, this.enter(r.open, schemas, path, ''), path);
      else r.cells.forEach((cell, c) => this.blocks(cell, schemas, [...path, r.index, c]));
    }
  }

  private paragraph(node: ParsedPara, schemas: Schema[], path: number[]): void {
    const snippet = node.texts.map((t) => t.text).join('');
    for (const t of node.texts) this.pieces(t.pieces, schemas, path, snippet, node.standalone);
  }

  private pieces(
    pieces: Piece[],
    schemas: Schema[],
    path: number[],
    snippet: string,
    standalone: Tag | null,
  ): void {
    for (const p of pieces) {
      if (p.kind === 'section')
        this.pieces(p.body, this.enter(p.open, schemas, path, snippet), path, snippet, null);
      else if (p.kind === 'var') this.value(p.tag, schemas, path, snippet, standalone === p.tag);
    }
  }

  private value(
    tag: Tag,
    schemas: Schema[],
    path: number[],
    snippet: string,
    alone: boolean,
  ): void {
    const field = findField(schemas, tag.key);
    if (!field) return this.unknown(tag, schemas, path, snippet);
    if (field.kind === 'list') {
      this.report(
        'template-list-as-value',
        `${tagText(tag)} เป็นรายการหลายรายการ ใช้แทนค่าโดยตรงไม่ได้: ครอบข้อความที่ต้องการให้ซ้ำด้วย {{#${tag.raw}}} … {{/${tag.raw}}}`,
        path,
        snippet,
      );
    } else if (field.kind === 'image' && !alone && !field.anchored) {
      this.report(
        'template-image-not-alone',
        `${tagText(tag)} เป็นรูปภาพ จึงต้องอยู่ในย่อหน้าของตัวเองโดยไม่มีข้อความอื่น`,
        path,
        snippet,
      );
    }
  }

  /** The schemas visible inside a block. */
  private enter(open: Tag, schemas: Schema[], path: number[], snippet: string): Schema[] {
    const field = findField(schemas, open.key);
    if (!field) {
      this.unknown(open, schemas, path, snippet);
      return schemas;
    }
    return field.kind === 'list' && field.item ? [...schemas, field.item] : schemas;
  }

  private unknown(tag: Tag, schemas: Schema[], path: number[], snippet: string): void {
    const list = owningList(schemas[0], tag.key);
    if (list) {
      this.report(
        'template-outside-block',
        `ป้าย ${tagText(tag)} เป็นข้อมูลของแต่ละรายการใน ${list.name} จึงใช้ได้เฉพาะภายในบล็อก {{#${list.name}}} … {{/${list.name}}}`,
        path,
        snippet,
      );
      return;
    }
    const suggestion = closest(tag.key, visibleNames(schemas));
    this.report(
      'template-unknown-placeholder',
      suggestion
        ? `ไม่รู้จักป้าย ${tagText(tag)}: หมายถึง {{${suggestion}}} หรือไม่ แก้ชื่อในแม่แบบให้ตรงกัน`
        : `ไม่รู้จักป้าย ${tagText(tag)} ในตำแหน่งนี้: ตรวจการสะกด หรือดูรายชื่อป้ายที่ใช้ได้ในคู่มือแม่แบบ`,
      path,
      snippet,
    );
  }
}

/** The list whose items hold a field named `key`, searched through the whole schema. */
function owningList(schema: Schema, key: string): Field | null {
  for (const f of schema) {
    if (f.kind !== 'list' || !f.item) continue;
    if (f.item.some((i) => placeholderKey(i.name) === key)) return f;
    const inner = owningList(f.item, key);
    if (inner) return inner;
  }
  return null;
}

/** The visible name nearest to `key` in edit distance, if it is near enough to be a typo. */
function closest(key: string, names: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = editDistance(key, placeholderKey(name));
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
