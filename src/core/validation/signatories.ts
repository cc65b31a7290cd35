// ผู้ลงนาม: roles (exactly one ผู้เสนอ and one ผู้สั่งการ), order, e-mail addresses.
import { isNearMiss } from '../thai/similarity';
import { titleOf, withoutTitle } from '../thai/titles';
import { toA1 } from '../workbook/a1';
import { ROLES, SIGNATORIES_TAB, type ColumnKey } from '../workbook/contract';
import type { LocatedTab } from '../workbook/tabs';
import type { Signatory } from '../workbook/types';
import { listThai, orThai, quote } from './describe';
import { findingAt, makeFinding, type Finding } from './finding';

// Deliberately simple: one address, a local part, an @, a domain with a dot. Stricter checks
// reject real addresses; Google reports what this lets through when sharing.
const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>().]+$/;

const roleLabel = (key: string) => ROLES.find((r) => r.key === key)?.label ?? key;

export function checkSignatories(
  signatories: readonly Signatory[],
  tab: LocatedTab<ColumnKey<typeof SIGNATORIES_TAB>>,
): Finding[] {
  const findings: Finding[] = [];
  const seenOrders = new Map<number, string>();
  for (const s of signatories) {
    if (s.role.problem) {
      findings.push(
        ...findingAt(
          s.role,
          'signatory-role-unknown',
          `ไม่รู้จักบทบาท ${quote(s.role.raw)} กรุณาเลือก ${orThai(ROLES.map((r) => `“${r.label}”`))}`,
        ),
      );
    }
    if (s.order.problem) {
      findings.push(
        ...findingAt(
          s.order,
          'signatory-order-invalid',
          `ลำดับ ${quote(s.order.raw)} ไม่ใช่จำนวนเต็ม กรุณากรอกลำดับการลงนามเป็นตัวเลข 1, 2, 3 …`,
        ),
      );
    } else if (s.order.value !== null && s.order.cell !== null) {
      const first = seenOrders.get(s.order.value);
      if (first !== undefined) {
        findings.push(
          ...findingAt(
            s.order,
            'signatory-order-duplicate',
            `ลำดับ ${s.order.value} ซ้ำกับเซลล์ ${first} กรุณาให้แต่ละคนมีลำดับไม่ซ้ำกัน`,
          ),
        );
      } else {
        seenOrders.set(s.order.value, s.order.cell);
      }
    }
    const email = s.email.value;
    if (email !== null && !EMAIL.test(email)) {
      findings.push(
        ...findingAt(
          s.email,
          'email-invalid',
          `อีเมล ${quote(s.email.raw)} ไม่ถูกต้อง กรุณากรอกอีเมลเดียวในรูปแบบ name@example.go.th หรือเว้นว่างหากไม่ต้องแชร์เอกสารให้ผู้นี้`,
        ),
      );
    }
  }
  findings.push(...checkRoleCounts(signatories, tab));
  findings.push(...checkNameVariants(signatories));
  findings.push(...checkRankAndTitle(signatories));
  findings.push(...checkSignsTwice(signatories));
  findings.push(...checkSequence(signatories));
  return findings;
}

function checkRoleCounts(
  signatories: readonly Signatory[],
  tab: LocatedTab<ColumnKey<typeof SIGNATORIES_TAB>>,
): Finding[] {
  const findings: Finding[] = [];
  const missing: string[] = [];
  for (const spec of ROLES) {
    const holders = signatories.filter((s) => s.role.value === spec.key);
    if (holders.length < spec.min) missing.push(`“${spec.label}”`);
    if (spec.max !== null && holders.length > spec.max) {
      const first = holders[0];
      for (const extra of holders.slice(spec.max)) {
        findings.push(
          ...findingAt(
            extra.role,
            'signatory-role-duplicate',
            `มี “${spec.label}” ได้คนเดียว แต่ซ้ำกับแถว ${first.row} (${first.name.value ?? 'ไม่มีชื่อ'}) กรุณาเปลี่ยนบทบาทหรือลบแถวที่ไม่ใช้`,
          ),
        );
      }
    }
  }
  const header = tab.columns.role;
  if (missing.length > 0 && header !== undefined) {
    findings.push(
      makeFinding(
        'signatory-role-missing',
        tab.sheet,
        toA1(1, header),
        `ยังไม่มีผู้ลงนามที่มีบทบาท ${listThai(missing)} บันทึกข้อความต้องมีผู้เสนอหนึ่งคนและผู้สั่งการหนึ่งคน กรุณาเพิ่มแถวหรือแก้บทบาท`,
      ),
    );
  }
  return findings;
}

// The memo signs top-down in ลำดับ order: the author first, the final approver last.
function checkSequence(signatories: readonly Signatory[]): Finding[] {
  if (signatories.some((s) => s.order.value === null)) return [];
  const findings: Finding[] = [];
  const first = signatories[0];
  const last = signatories[signatories.length - 1];
  const proposer = signatories.find((s) => s.role.value === 'proposer');
  const approver = signatories.find((s) => s.role.value === 'approver');
  if (proposer && proposer !== first) {
    findings.push(
      ...findingAt(
        proposer.order,
        'signatory-order-sequence',
        `“${roleLabel('proposer')}” ควรมีลำดับแรก (ตอนนี้เป็นลำดับ ${proposer.order.value}) กรุณาเรียงลำดับใหม่`,
      ),
    );
  }
  if (approver && approver !== last) {
    findings.push(
      ...findingAt(
        approver.order,
        'signatory-order-sequence',
        `“${roleLabel('approver')}” ควรมีลำดับสุดท้าย (ตอนนี้เป็นลำดับ ${approver.order.value}) กรุณาเรียงลำดับใหม่`,
      ),
    );
  }
  return findings;
}

// The same person signing twice (author and acting head, as in the seed) must be spelled the
// same way both times; names this close are rarely two different people.
function checkNameVariants(signatories: readonly Signatory[]): Finding[] {
  const findings: Finding[] = [];
  const bySheetOrder = [...signatories].sort((a, b) => a.row - b.row);
  bySheetOrder.forEach((s, i) => {
    const name = s.name.value;
    if (name === null) return;
    const earlier = bySheetOrder
      .slice(0, i)
      .find(
        (o) =>
          o.name.value !== null &&
          isNearMiss(withoutTitle(name), withoutTitle(o.name.value), 0.3, 2),
      );
    if (!earlier) return;
    findings.push(
      ...findingAt(
        s.name,
        'signatory-name-variant',
        `ชื่อ “${name}” คล้ายกับ “${earlier.name.value}” ในเซลล์ ${earlier.name.cell} หากเป็นคนเดียวกัน กรุณาสะกดให้ตรงกันทั้งสองแห่ง`,
      ),
    );
  });
  return findings;
}

// A rank stands in place of นาย/นาง/นางสาว (the typing guide): the memo prints the rank and
// drops the title, and says so here.
function checkRankAndTitle(signatories: readonly Signatory[]): Finding[] {
  const findings: Finding[] = [];
  for (const s of signatories) {
    const rank = s.rank.value;
    const title = s.name.value ? titleOf(s.name.value) : null;
    if (!rank || !title) continue;
    findings.push(
      ...findingAt(
        s.name,
        'signatory-rank-and-title',
        `ผู้ลงนามมียศ “${rank}” ซึ่งใช้แทนคำนำหน้า “${title}” บันทึกข้อความจะพิมพ์ยศหน้าที่ลงลายมือชื่อ และพิมพ์ชื่อเป็น “(${withoutTitle(s.name.value as string)})” กรุณาลบ “${title}” ออกจากชื่อ`,
      ),
    );
  }
  return findings;
}

// One person signing two blocks (the author commenting on the memo as acting head, as in the
// seed) is allowed but rarely meant: the names, without titles and spaces, are the same.
function checkSignsTwice(signatories: readonly Signatory[]): Finding[] {
  const findings: Finding[] = [];
  const key = (name: string) => withoutTitle(name).replace(/\s+/g, '');
  const bySheetOrder = [...signatories].sort((a, b) => a.row - b.row);
  bySheetOrder.forEach((s, i) => {
    const name = s.name.value;
    if (!name) return;
    const earlier = bySheetOrder
      .slice(0, i)
      .find((o) => o.name.value !== null && key(o.name.value) === key(name));
    if (!earlier) return;
    findings.push(
      ...findingAt(
        s.name,
        'signatory-signs-twice',
        `“${name}” ลงนามสองช่อง: เป็น${roleLabel(earlier.role.value ?? '')} (แถว ${earlier.row}) และ${roleLabel(s.role.value ?? '')} (แถว ${s.row}) หากเป็นคนเดียวกันจริง (เช่น ผู้เสนอรักษาราชการแทนผู้บังคับบัญชาที่ต้องให้ความเห็น) ไม่ต้องแก้ไข มิฉะนั้นกรุณาแก้ชื่อหรือลบแถวที่ซ้ำ`,
      ),
    );
  });
  return findings;
}
