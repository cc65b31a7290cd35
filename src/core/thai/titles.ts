/**
 * Titles before a name (คำนำหน้านาม) that a rank replaces on a signature: a signatory with a rank
 * is printed "(ชนภัช ปฐุมารรณ์)" under "ว่าที่ร้อยตรี", not "(นายชนภัช …)".
 */
const TITLE = /^(นางสาว|นาง|นาย|น\.ส\.)\s*/;

/** นาย, นาง, นางสาว or น.ส. at the start of a name, or null. */
export function titleOf(name: string): string | null {
  const m = TITLE.exec(name.trim());
  return m && name.trim().length > m[0].length ? m[1] : null;
}

/** The name without its title. */
export function withoutTitle(name: string): string {
  return titleOf(name) ? name.trim().replace(TITLE, '') : name.trim();
}
