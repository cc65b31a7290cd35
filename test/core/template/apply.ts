// A reference applier for tests: carries a FillPlan out on plain text, as the Apps Script
// filler does on a Google Doc, so the core's plans can be checked without DocumentApp.
import type { FillPlan, OutNode, TplNode } from '../../../src/core/template';

export type Out = string | { table: Out[][][] } | { image: string; text: string } | '<other>';

function applyEdits(
  text: string,
  edits: { start: number; end: number; runs: { text: string }[] }[],
): string {
  let s = text;
  for (const e of edits)
    s = s.slice(0, e.start) + e.runs.map((r) => r.text).join('') + s.slice(e.end);
  return s;
}

export function applyNodes(src: TplNode[], plan: OutNode[]): Out[] {
  return plan.map((o): Out => {
    const node = src[o.src];
    if (o.kind === 'para' && node.kind === 'para') {
      const text = node.texts
        .map((t) =>
          applyEdits(
            t.text,
            o.edits.filter((e) => e.child === t.child),
          ),
        )
        .join('');
      return o.image ? { image: o.image.altTitle, text } : text;
    }
    if (o.kind === 'table' && node.kind === 'table') {
      return {
        table: o.rows.map((r) => r.cells.map((cell, c) => applyNodes(node.rows[r.src][c], cell))),
      };
    }
    return '<other>';
  });
}

export function applyPlan(doc: { body: TplNode[] }, plan: FillPlan): Out[] {
  return applyNodes(doc.body, plan.body);
}

export const para = (text: string): TplNode => ({
  kind: 'para',
  texts: [{ child: 0, text }],
  other: false,
});
export const table = (rows: string[][][]): TplNode => ({
  kind: 'table',
  rows: rows.map((r) => r.map((cell) => cell.map(para))),
});
