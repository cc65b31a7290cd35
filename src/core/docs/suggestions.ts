/**
 * Reviewers with comment access often work in suggesting mode: their edits become suggestions,
 * not text. documents.get returns them inline by default (DEFAULT_FOR_CURRENT_ACCESS gives
 * SUGGESTIONS_INLINE to anyone who may comment; https://developers.google.com/docs/api/how-tos/suggestions):
 * suggested text sits among the real text, marked on its text runs by suggestedInsertionIds and
 * suggestedDeletionIds. Read as text it would look like an edit by hand, a refill would write over
 * it, and an export would carry it. So the memo steps count the pending suggestions in the Doc
 * they read anyway (no extra call) and refuse until staff accept or reject them.
 */
import { bodyElements } from './read';
import type { Document, StructuralElement } from './types';

export interface PendingSuggestions {
  /** How many suggestions are pending (by id; a replacement is one). */
  count: number;
  /** The first few in Thai (ลบ “…”, เพิ่ม “…”, “…” เป็น “…”), for staff to find them. */
  texts: string[];
}

const cut = (t: string) => {
  const x = t.trim();
  return x.length > 40 ? `${x.slice(0, 40)}…` : x;
};

/** One suggestion in Thai: what it removes, adds or replaces. */
function describe(s: { ins: string; del: string }): string {
  if (s.del.trim() && s.ins.trim()) return `“${cut(s.del)}” เป็น “${cut(s.ins)}”`;
  if (s.del.trim()) return `ลบ “${cut(s.del)}”`;
  return s.ins.trim() ? `เพิ่ม “${cut(s.ins)}”` : '';
}

/** The pending suggestions of a Doc read with SUGGESTIONS_INLINE (body, headers, footers). */
export function pendingSuggestions(doc: Document): PendingSuggestions {
  const found = new Map<string, { ins: string; del: string }>();
  const add = (id: string, kind: 'ins' | 'del', text: string) => {
    const s = found.get(id) ?? { ins: '', del: '' };
    s[kind] += text;
    found.set(id, s);
  };
  const walk = (elements: StructuralElement[] | undefined) => {
    for (const e of elements ?? []) {
      for (const el of e.paragraph?.elements ?? []) {
        const run = el.textRun;
        const text = (run?.content ?? '').replace(/\n$/, '');
        for (const id of run?.suggestedInsertionIds ?? []) add(id, 'ins', text);
        for (const id of run?.suggestedDeletionIds ?? []) add(id, 'del', text);
      }
      for (const row of e.table?.tableRows ?? [])
        for (const cell of row.tableCells ?? []) walk(cell.content);
    }
  };
  walk(bodyElements(doc));
  for (const part of [...Object.values(doc.headers ?? {}), ...Object.values(doc.footers ?? {})])
    walk(part.content);
  const texts = [...found.values()].map(describe).filter((t) => t);
  return { count: found.size, texts: texts.slice(0, 3) };
}

/**
 * Staff's Thai refusal: what is pending, and how to settle it in Google Docs. `by` says who can
 * settle them: staff with edit access themselves, or (an approver with comment access, who cannot
 * accept a suggestion) the staff who can.
 */
export function suggestionsRefusal(
  pending: PendingSuggestions,
  step: string,
  by: 'self' | 'staff',
): string {
  const shown = pending.texts.join(', ');
  const more = pending.count - pending.texts.length;
  const what =
    `บันทึกข้อความยังมีการแก้ไขที่แนะนำ (suggestion) ซึ่งยังไม่ได้ยอมรับหรือปฏิเสธ ${pending.count} รายการ` +
    (shown ? ` (${shown}${more > 0 ? ` และอีก ${more} รายการ` : ''})` : '');
  const how =
    'โดยกด ✓ (ยอมรับ) หรือ ✗ (ปฏิเสธ) ที่การแก้ไขที่แนะนำแต่ละรายการ หรือใช้เมนู เครื่องมือ › ตรวจทานการแก้ไขที่แนะนำ';
  return by === 'self'
    ? `${what} ระบบจึง${step}ไม่ได้ เพื่อไม่ให้ข้อความที่ยังไม่ได้ตัดสินปะปนกับข้อความจริง ` +
        `กรุณาเปิดเอกสารใน Google เอกสาร แล้วยอมรับหรือปฏิเสธทุกรายการก่อน ${how} แล้วลองอีกครั้ง`
    : `${what} ระบบจึง${step}ไม่ได้ เพราะข้อความที่จะอนุมัติยังไม่แน่นอน ` +
        `กรุณาแจ้งเจ้าหน้าที่ผู้มีสิทธิ์แก้ไขเอกสารให้ยอมรับหรือปฏิเสธทุกรายการก่อน ${how} แล้วจึงอนุมัติ`;
}
