/**
 * Drive's partial-response `fields` parameter: `id,name,webViewLink`, `files(id,name),nextPageToken`,
 * `owners/emailAddress`, `*`. Responses carry only what was asked for, as on Google, so code that
 * forgets to ask for a field fails here too.
 */
export type FieldMask = Map<string, FieldMask | true>;

export function parseFields(spec: string): FieldMask {
  let i = 0;
  const s = spec.replace(/\s+/g, '');

  /** One path element: `name`, `name/…` (one nested element) or `name(…)` (a nested list). */
  function parseElement(): [string, FieldMask | true] {
    const start = i;
    while (i < s.length && !',()/'.includes(s[i])) i++;
    const name = s.slice(start, i);
    if (!name) throw new Error(`Invalid field selection ${spec}`);
    let value: FieldMask | true = true;
    if (s[i] === '/') {
      i++;
      value = new Map([parseElement()]);
    } else if (s[i] === '(') {
      i++;
      value = parseList();
      if (s[i] !== ')') throw new Error(`Invalid field selection ${spec}`);
      i++;
    }
    return [name, value];
  }

  function parseList(): FieldMask {
    const mask: FieldMask = new Map();
    for (;;) {
      const [name, value] = parseElement();
      merge(mask, name, value);
      if (s[i] !== ',') return mask;
      i++;
    }
  }

  const mask = parseList();
  if (i !== s.length) throw new Error(`Invalid field selection ${spec}`);
  return mask;
}

function merge(mask: FieldMask, name: string, value: FieldMask | true): void {
  const prev = mask.get(name);
  if (prev === undefined || value === true || prev === true) {
    mask.set(name, prev === true || value === true ? true : value);
    return;
  }
  for (const [k, v] of value) merge(prev, k, v);
}

/** Keys of a mask level that are not among the known ones ('*' is always allowed). */
export function unknownFields(mask: FieldMask, known: readonly string[]): string[] {
  return [...mask.keys()].filter((k) => k !== '*' && !known.includes(k));
}

/** The parts of `value` selected by `mask`, deep-copied. */
export function applyFields(value: unknown, mask: FieldMask): unknown {
  if (Array.isArray(value)) return value.map((v) => applyFields(v, mask));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (mask.has('*')) {
    for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = structuredClone(v);
  }
  for (const [k, sub] of mask) {
    if (k === '*' || obj[k] === undefined) continue;
    out[k] = sub === true ? structuredClone(obj[k]) : applyFields(obj[k], sub);
  }
  return out;
}
