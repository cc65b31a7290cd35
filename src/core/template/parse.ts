/**
 * Turns a read template into its block structure: which text is a value, which paragraphs or
 * table rows a block repeats, and every mistake in the template with its location.
 *
 * Blocks nest. A block inside one run of text repeats that text (inline); a block whose tags
 * are in different paragraphs repeats those paragraphs, and then each tag must stand alone in
 * its paragraph; a block whose tags are in table cells of one or several rows repeats the rows.
 */
import { scanTags, type Tag } from './tags';
import type { SectionName, TextChild, TplNode, TemplateProblem, Where } from './tree';

export type Piece =
  | { kind: 'var'; tag: Tag }
  | { kind: 'section'; open: Tag; close: Tag; body: Piece[] }
  /** A tag that belongs to a block around paragraphs or rows: removed from the text. */
  | { kind: 'marker'; tag: Tag };

export interface ParsedText extends TextChild {
  /** Tags and inline blocks in order; text between them stays as it is. */
  pieces: Piece[];
}

export interface ParsedPara {
  kind: 'para';
  texts: ParsedText[];
  /** The paragraph is nothing but one tag (blank around it) and holds no other element. */
  standalone: Tag | null;
}

export interface ParsedTable {
  kind: 'table';
  rows: RowBlock[];
}

export type ParsedNode = ParsedPara | ParsedTable | { kind: 'other' };

export type Block =
  { kind: 'node'; index: number; node: ParsedNode } | { kind: 'section'; open: Tag; body: Block[] };

export type RowBlock =
  | { kind: 'row'; index: number; cells: Block[][] }
  | { kind: 'section'; open: Tag; body: RowBlock[] };

export interface ParsedTemplate {
  body: Block[];
  header?: Block[];
  footer?: Block[];
  problems: TemplateProblem[];
}

interface Located {
  tag: Tag;
  /** The node (or row) it sits in. */
  at: number;
}

const SECTION_NAMES: Record<SectionName, string> = {
  body: 'เนื้อหา',
  header: 'หัวกระดาษ',
  footer: 'ท้ายกระดาษ',
};

/** `เนื้อหา ย่อหน้าที่ 12` or `เนื้อหา ตาราง (ลำดับที่ 30) แถวที่ 2 ช่องที่ 3 ย่อหน้าที่ 1`, with a snippet. */
export function describeWhere(where: Where): string {
  const parts = [SECTION_NAMES[where.section]];
  const p = where.path;
  for (let i = 0; i < p.length; i += 3) {
    if (i + 1 < p.length)
      parts.push(`ตาราง (ลำดับที่ ${p[i] + 1}) แถวที่ ${p[i + 1] + 1} ช่องที่ ${p[i + 2] + 1}`);
    else parts.push(where.table ? `ตาราง (ลำดับที่ ${p[i] + 1})` : `ย่อหน้าที่ ${p[i] + 1}`);
  }
  const snippet = where.snippet.length > 40 ? `${where.snippet.slice(0, 40)}…` : where.snippet;
  return snippet ? `${parts.join(' ')} («${snippet}»)` : parts.join(' ');
}

function nodeText(node: TplNode): string {
  if (node.kind === 'para') return node.texts.map((t) => t.text).join('');
  return '';
}

class Parser {
  readonly problems: TemplateProblem[] = [];

  constructor(private readonly section: SectionName) {}

  problem(rule: string, message: string, path: number[], snippet: string, table = false): void {
    const where: Where = {
      section: this.section,
      path,
      snippet: snippet.replace(/\s+/g, ' ').trim(),
      table,
    };
    this.problems.push({ rule, message, where, location: describeWhere(where) });
  }

  /** A container (the body, a header, a table cell): blocks among its children, and tags it passes up. */
  container(
    nodes: TplNode[],
    path: number[],
    inCell: boolean,
  ): { blocks: Block[]; escaping: Located[] } {
    const parsed = nodes.map((n, i) => this.node(n, [...path, i]));
    const events: Located[] = [];
    parsed.forEach((p, i) => {
      if (p.node.kind === 'para') for (const tag of p.escaping) events.push({ tag, at: i });
    });
    const { pairs, leftovers } = this.match(events, path, nodes, inCell);
    const escaping = inCell ? leftovers : [];
    // Tags that stay in this container must stand alone in their paragraphs: those paragraphs vanish.
    const markerNodes = new Set<number>();
    for (const [open, close] of pairs) {
      for (const m of [open, close]) {
        const node = parsed[m.at].node as ParsedPara;
        if (node.standalone !== m.tag) {
          this.problem(
            'template-block-not-alone',
            `ป้าย ${tagText(m.tag)} ครอบหลายย่อหน้า จึงต้องอยู่ในย่อหน้าของตัวเองโดยไม่มีข้อความอื่น: ย้ายข้อความอื่นไปไว้ย่อหน้าถัดไป`,
            [...path, m.at],
            nodeText(nodes[m.at]),
          );
        }
        markerNodes.add(m.at);
      }
    }
    // A row marker alone in its paragraph takes the paragraph with it.
    for (const m of escaping)
      if ((parsed[m.at].node as ParsedPara).standalone === m.tag) markerNodes.add(m.at);
    const { blocks } = nest<Block>(
      parsed.length,
      pairs.map(([o, c]) => ({ open: o.tag, from: o.at, to: c.at })),
      (i) => (markerNodes.has(i) ? null : { kind: 'node', index: i, node: parsed[i].node }),
      (open, body) => ({ kind: 'section', open, body }),
    );
    return { blocks, escaping };
  }

  node(node: TplNode, path: number[]): { node: ParsedNode; escaping: Tag[] } {
    if (node.kind === 'para') return this.paragraph(node.texts, node.other, path, nodeText(node));
    if (node.kind === 'table') return { node: this.table(node.rows, path), escaping: [] };
    return { node: { kind: 'other' }, escaping: [] };
  }

  paragraph(
    texts: TextChild[],
    other: boolean,
    path: number[],
    full: string,
  ): { node: ParsedPara; escaping: Tag[] } {
    const escaping: Tag[] = [];
    const tops: { tag: Tag; text: string; piece: Piece }[] = [];
    const parsed: ParsedText[] = texts.map((t) => {
      const scan = scanTags(t.text);
      for (const at of scan.strayBraces) {
        this.problem(
          'template-stray-braces',
          `พบ "${t.text.slice(at, at + 2)}" ที่ไม่ครบคู่: ป้ายต้องเขียนเป็น {{ชื่อ}} ภายในข้อความช่วงเดียวกัน`,
          path,
          full,
        );
      }
      const named = scan.tags.filter((tag) => {
        if (!tag.key)
          this.problem(
            'template-empty-tag',
            `พบป้าย ${tagText(tag)} ที่ไม่มีชื่อ: ใส่ชื่อข้อมูลหรือลบออก`,
            path,
            full,
          );
        return tag.key;
      });
      const pieces = this.inline(named, escaping, path, full);
      for (const piece of pieces)
        tops.push({ tag: piece.kind === 'section' ? piece.open : piece.tag, text: t.text, piece });
      return { ...t, pieces };
    });
    const only = tops.length === 1 && tops[0].piece.kind !== 'section' ? tops[0] : null;
    const standalone =
      only && !other && full.trim() === only.text.slice(only.tag.start, only.tag.end)
        ? only.tag
        : null;
    return { node: { kind: 'para', texts: parsed, standalone }, escaping };
  }

  /** Matches blocks inside one run of text; unmatched tags are markers of outer blocks. */
  inline(tags: Tag[], escaping: Tag[], path: number[], full: string): Piece[] {
    const partner = new Map<number, number>();
    const open: number[] = [];
    tags.forEach((tag, i) => {
      if (tag.type === 'open' || tag.type === 'inverted') open.push(i);
      else if (tag.type === 'close' && open.length && tags[open[open.length - 1]].key === tag.key) {
        const o = open.pop() as number;
        partner.set(o, i);
        partner.set(i, o);
      }
    });
    const root: Piece[] = [];
    const frames: { open: Tag; body: Piece[] }[] = [];
    tags.forEach((tag, i) => {
      const into = frames.length ? frames[frames.length - 1].body : root;
      if (tag.type === 'value') into.push({ kind: 'var', tag });
      else if (!partner.has(i)) {
        if (frames.length) {
          this.problem(
            'template-crossed',
            `ป้าย ${tagText(tag)} อยู่ภายในช่วง ${tagText(frames[frames.length - 1].open)} … {{/${frames[frames.length - 1].open.raw}}} ของบรรทัดเดียวกัน แต่คู่ของมันอยู่นอกช่วงนั้น: ป้ายเปิดและปิดต้องซ้อนกันเป็นชั้น`,
            path,
            full,
          );
        } else {
          into.push({ kind: 'marker', tag });
          escaping.push(tag);
        }
      } else if (tag.type !== 'close') frames.push({ open: tag, body: [] });
      else {
        const frame = frames.pop() as { open: Tag; body: Piece[] };
        const outer = frames.length ? frames[frames.length - 1].body : root;
        outer.push({ kind: 'section', open: frame.open, close: tag, body: frame.body });
      }
    });
    return root;
  }

  table(rows: TplNode[][][], path: number[]): ParsedTable {
    const events: Located[] = [];
    const cells = rows.map((row, r) =>
      row.map((cell, c) => {
        const parsed = this.container(cell, [...path, r, c], true);
        for (const e of parsed.escaping) events.push({ tag: e.tag, at: r });
        return parsed.blocks;
      }),
    );
    const { pairs } = this.match(events, path, [], false);
    const { blocks, overlapping } = nest<RowBlock>(
      rows.length,
      pairs.map(([o, c]) => ({ open: o.tag, from: o.at, to: c.at })),
      (r) => ({ kind: 'row', index: r, cells: cells[r] }),
      (open, body) => ({ kind: 'section', open, body }),
    );
    for (const tag of overlapping) {
      this.problem(
        'template-crossed',
        `ช่วงแถวของป้าย ${tagText(tag)} คาบเกี่ยวกับช่วงแถวของป้ายอื่นโดยไม่ซ้อนกัน: ป้ายเปิดและปิดต้องซ้อนกันเป็นชั้น`,
        path,
        '',
        true,
      );
    }
    return { kind: 'table', rows: blocks };
  }

  /** Pairs opening and closing tags; reports crossed, unclosed and stray tags. */
  match(
    events: Located[],
    path: number[],
    nodes: TplNode[],
    passUp: boolean,
  ): { pairs: [Located, Located][]; leftovers: Located[] } {
    const pairs: [Located, Located][] = [];
    const stack: Located[] = [];
    const leftovers: Located[] = [];
    const where = (at: number): [number[], string, boolean] =>
      nodes.length ? [[...path, at], nodeText(nodes[at]), false] : [path, '', true];
    for (const e of events) {
      if (e.tag.type !== 'close') {
        stack.push(e);
        continue;
      }
      const top = stack[stack.length - 1];
      if (top && top.tag.key === e.tag.key) {
        stack.pop();
        if (top.at === e.at && nodes.length) {
          this.problem(
            'template-crossed',
            `ป้าย ${tagText(top.tag)} และ ${tagText(e.tag)} อยู่ในย่อหน้าเดียวกันแต่คร่อมกับป้ายอื่น: ป้ายเปิดและปิดต้องซ้อนกันเป็นชั้น เช่น {{#ก}}{{#ข}}…{{/ข}}{{/ก}}`,
            ...where(e.at),
          );
          continue;
        }
        pairs.push([top, e]);
      } else if (passUp) {
        leftovers.push(...stack.splice(0), e);
      } else if (stack.some((s) => s.tag.key === e.tag.key)) {
        this.problem(
          'template-crossed',
          `ป้าย ${tagText(e.tag)} ปิดก่อนป้าย ${tagText(top.tag)} ที่เปิดทีหลัง: ป้ายเปิดและปิดต้องซ้อนกันเป็นชั้น เช่น {{#ก}}{{#ข}}…{{/ข}}{{/ก}}`,
          ...where(e.at),
        );
        while (stack.length && stack[stack.length - 1].tag.key !== e.tag.key) stack.pop();
        stack.pop();
      } else {
        this.problem(
          'template-stray-close',
          `พบป้ายปิด ${tagText(e.tag)} โดยไม่มีป้ายเปิด {{#${e.tag.raw}}} ก่อนหน้า: เพิ่มป้ายเปิดหรือลบป้ายนี้`,
          ...where(e.at),
        );
      }
    }
    if (passUp) leftovers.push(...stack);
    else {
      for (const s of stack) {
        this.problem(
          'template-unclosed',
          `ป้าย ${tagText(s.tag)} ไม่มีป้ายปิด {{/${s.tag.raw}}}: เพิ่มป้ายปิดหลังข้อความที่ต้องการให้ซ้ำหรือแสดงตามเงื่อนไข`,
          ...where(s.at),
        );
      }
    }
    return { pairs, leftovers };
  }
}

export function tagText(tag: Tag): string {
  const sigil =
    tag.type === 'open' ? '#' : tag.type === 'inverted' ? '^' : tag.type === 'close' ? '/' : '';
  return `{{${sigil}${tag.raw}}}`;
}

/**
 * Builds the block tree of `count` items from properly nested ranges `[from, to]`.
 * `item(i)` gives the block for item i, or null for an item that is only a marker.
 * Returns the ranges it could not nest (two blocks sharing a row without nesting).
 */
function nest<B>(
  count: number,
  ranges: { open: Tag; from: number; to: number }[],
  item: (i: number) => B | null,
  section: (open: Tag, body: B[]) => B,
): { blocks: B[]; overlapping: Tag[] } {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || b.to - a.to);
  const used = new Set<number>();
  let next = 0;
  const build = (from: number, to: number): B[] => {
    const out: B[] = [];
    let i = from;
    while (i <= to) {
      while (next < sorted.length && sorted[next].from < i) next++;
      if (next < sorted.length && sorted[next].from === i && sorted[next].to <= to) {
        const k = next++;
        used.add(k);
        out.push(section(sorted[k].open, build(sorted[k].from, sorted[k].to)));
        i = sorted[k].to + 1;
        continue;
      }
      const b = item(i);
      if (b !== null) out.push(b);
      i++;
    }
    return out;
  };
  const blocks = build(0, count - 1);
  return { blocks, overlapping: sorted.filter((_, k) => !used.has(k)).map((r) => r.open) };
}

export function parseTemplate(doc: {
  body: TplNode[];
  header?: TplNode[];
  footer?: TplNode[];
}): ParsedTemplate {
  const out: ParsedTemplate = { body: [], problems: [] };
  for (const section of ['body', 'header', 'footer'] as const) {
    const nodes = doc[section];
    if (!nodes) continue;
    const parser = new Parser(section);
    out[section] = parser.container(nodes, [], false).blocks;
    out.problems.push(...parser.problems);
  }
  return out;
}
