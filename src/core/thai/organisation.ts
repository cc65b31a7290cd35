// Thai local government offices: their kinds, the posts and staff categories that belong to
// each kind, and how an office's name is built (kind prefix + place name).

export type OrgFamily = 'sao' | 'municipality' | 'pao';

export interface OrgKind {
  readonly id:
    'sao' | 'subdistrict-municipality' | 'town-municipality' | 'city-municipality' | 'pao';
  readonly family: OrgFamily;
  /** The full prefix of the office's name, e.g. องค์การบริหารส่วนตำบล. */
  readonly prefix: string;
  readonly abbreviation: string;
}

export const ORG_KINDS: readonly OrgKind[] = [
  { id: 'sao', family: 'sao', prefix: 'องค์การบริหารส่วนตำบล', abbreviation: 'อบต.' },
  {
    id: 'subdistrict-municipality',
    family: 'municipality',
    prefix: 'เทศบาลตำบล',
    abbreviation: 'ทต.',
  },
  { id: 'town-municipality', family: 'municipality', prefix: 'เทศบาลเมือง', abbreviation: 'ทม.' },
  { id: 'city-municipality', family: 'municipality', prefix: 'เทศบาลนคร', abbreviation: 'ทน.' },
  { id: 'pao', family: 'pao', prefix: 'องค์การบริหารส่วนจังหวัด', abbreviation: 'อบจ.' },
];

export interface Organisation {
  /** As written, e.g. องค์การบริหารส่วนตำบลเมืองเก่า. */
  readonly name: string;
  readonly kind: OrgKind;
  /** The place name without the kind, e.g. เมืองเก่า. */
  readonly baseName: string;
}

/** The kind and place name of an office from its name (full prefix or abbreviation). */
export function parseOrganisation(name: string): Organisation | null {
  const trimmed = name.trim();
  for (const kind of ORG_KINDS) {
    for (const prefix of [kind.prefix, kind.abbreviation, kind.abbreviation.replace('.', '')]) {
      if (trimmed.startsWith(prefix)) {
        const baseName = trimmed.slice(prefix.length).trim();
        if (/^[\u0e01-\u0e4e]/.test(baseName)) return { name: trimmed, kind, baseName };
      }
    }
  }
  return null;
}

export function orgKindById(id: string): OrgKind | null {
  return ORG_KINDS.find((k) => k.id === id) ?? null;
}

/** The office's name in full (expands an abbreviated kind). */
export function fullOrganisationName(org: Organisation): string {
  return org.kind.prefix + org.baseName;
}

/** Posts a memo of this office may be addressed to (เรียน …): its executive and its clerk. */
export function officePosts(org: Organisation): string[] {
  const full = fullOrganisationName(org);
  if (org.kind.family === 'municipality') {
    const rest = full.slice('เทศบาล'.length); // ตำบลแม่แตง: นายกเทศมนตรีตำบลแม่แตง
    return [
      `นายกเทศมนตรี${rest}`,
      `ปลัดเทศบาล${rest}`,
      `รองนายกเทศมนตรี${rest}`,
      `รองปลัดเทศบาล${rest}`,
    ];
  }
  return [`นายก${full}`, `ปลัด${full}`, `รองนายก${full}`, `รองปลัด${full}`];
}

/** Terms that exist in one family of office only, by what they denote. */
export type FamilyTerm = { readonly concept: string } & Readonly<Record<OrgFamily, string>>;

export const FAMILY_TERMS: readonly FamilyTerm[] = [
  {
    concept: 'staff',
    sao: 'พนักงานส่วนตำบล',
    municipality: 'พนักงานเทศบาล',
    pao: 'พนักงานส่วนจังหวัด',
  },
  {
    concept: 'executive',
    sao: 'นายกองค์การบริหารส่วนตำบล',
    municipality: 'นายกเทศมนตรี',
    pao: 'นายกองค์การบริหารส่วนจังหวัด',
  },
  {
    concept: 'clerk',
    sao: 'ปลัดองค์การบริหารส่วนตำบล',
    municipality: 'ปลัดเทศบาล',
    pao: 'ปลัดองค์การบริหารส่วนจังหวัด',
  },
  {
    concept: 'council',
    sao: 'สภาองค์การบริหารส่วนตำบล',
    municipality: 'สภาเทศบาล',
    pao: 'สภาองค์การบริหารส่วนจังหวัด',
  },
];

export interface OtherKindTerm {
  /** The term as found, e.g. พนักงานเทศบาล. */
  readonly found: string;
  /** What this office calls it, e.g. พนักงานส่วนตำบล. */
  readonly suggestion: string;
}

/** Terms of another family of office in `text` (พนักงานเทศบาล in an อบต.), each once. */
export function findOtherKindTerms(text: string, family: OrgFamily): OtherKindTerm[] {
  const found: OtherKindTerm[] = [];
  for (const term of FAMILY_TERMS) {
    for (const other of ['sao', 'municipality', 'pao'] as const) {
      if (other === family) continue;
      const word = term[other];
      if (text.indexOf(word) >= 0 && !found.some((f) => f.found === word)) {
        found.push({ found: word, suggestion: term[family] });
      }
    }
  }
  return found;
}

// After a kind prefix, these words mean the prefix is used generically ("ขององค์การบริหารส่วน
// ตำบลได้…", "สำนักปลัดองค์การบริหารส่วนตำบล ทุกแห่ง"), not as part of another office's name.
const GENERIC_FOLLOWERS = [
  'ได้',
  'มี',
  'และ',
  'ที่',
  'ซึ่ง',
  'โดย',
  'เพื่อ',
  'ของ',
  'ให้',
  'ว่า',
  'ไม่',
  'กับ',
  'เป็น',
  'จะ',
  'นี้',
  'นั้น',
  'แล้ว',
  'ทั้ง',
  'หรือ',
  'ต้อง',
  'ควร',
  'ยัง',
  'จึง',
  'ทุก',
  'แห่ง',
  'ประจำ',
  'ดังกล่าว',
  'ตาม',
  'ต่อ',
  'จาก',
  'ด้วย',
  'อำเภอ',
  'จังหวัด',
  'ฯ',
];
// Where a place name ends when nothing else marks it (Thai writes no spaces between words).
const NAME_END = /(?:อำเภอ|จังหวัด|[^\u0e01-\u0e4e])/;

/**
 * Names of other offices of the same family in `text`: a kind prefix followed by a place name
 * other than this office's (องค์การบริหารส่วนตำบลเมืองกาย in a sheet about เมืองเก่า).
 */
export function findForeignOrganisations(text: string, org: Organisation): string[] {
  const found: string[] = [];
  const kinds = ORG_KINDS.filter((k) => k.family === org.kind.family);
  for (const kind of kinds) {
    for (const prefix of [kind.prefix, kind.abbreviation]) {
      let at = text.indexOf(prefix);
      while (at >= 0) {
        // A place name follows the full prefix directly; after an abbreviation a space is usual.
        let after = text.slice(at + prefix.length);
        if (prefix === kind.abbreviation) after = after.replace(/^ (?=[\u0e01-\u0e4e])/, '');
        const name = foreignName(after, org.baseName);
        if (name !== null && found.indexOf(prefix + name) < 0) found.push(prefix + name);
        at = text.indexOf(prefix, at + prefix.length);
      }
    }
  }
  return found;
}

function foreignName(after: string, ownName: string): string | null {
  if (after.startsWith(ownName)) return null;
  // A name starts with a consonant or a leading vowel (เ แ โ ใ ไ); anything else (a space,
  // punctuation, the end of the text) means the prefix stands alone.
  if (!/^[\u0e01-\u0e2e\u0e40-\u0e44]/.test(after)) return null;
  if (GENERIC_FOLLOWERS.some((w) => after.startsWith(w))) return null;
  if (ORG_KINDS.some((k) => after.startsWith(k.prefix) || after.startsWith(k.abbreviation))) {
    return null;
  }
  const end = after.slice(1).search(NAME_END);
  const name = end < 0 ? after : after.slice(0, end + 1);
  return name.length >= 2 ? name : null;
}
