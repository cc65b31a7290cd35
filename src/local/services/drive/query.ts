import type { FileEntry } from './types';

/**
 * The subset of Drive's search language (`q`) people use: `name = '…'`, `name contains '…'`,
 * `'<id>' in parents`, `mimeType = '…'`, `trashed = false`, `starred = true`,
 * `modifiedTime > '2024-01-01T00:00:00'`, `'<email>' in owners|writers|readers`,
 * `appProperties has { key='k' and value='v' }`, joined with `and`, `or`, `not` and parentheses.
 * Strings are single-quoted with `\'` and `\\` escapes.
 */
export type Query =
  | { kind: 'and' | 'or'; left: Query; right: Query }
  | { kind: 'not'; inner: Query }
  | { kind: 'cmp'; field: string; op: string; value: string | boolean }
  | { kind: 'in'; value: string; field: 'parents' | 'owners' | 'writers' | 'readers' }
  | { kind: 'has'; field: 'appProperties' | 'properties'; key: string; value: string };

/** Drive answers a malformed query with HTTP 400 "Invalid Value". */
export class InvalidQuery extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'InvalidQuery';
  }
}

/** A term Drive understands but this emulation does not (for example fullText). */
export class UnsupportedQuery extends Error {}

type Token = { t: 'str'; v: string } | { t: 'word'; v: string } | { t: 'op'; v: string };

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= q.length) throw new InvalidQuery('unterminated string');
        const d = q[i];
        if (d === '\\') {
          if (i + 1 >= q.length) throw new InvalidQuery('dangling escape');
          v += q[i + 1];
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else {
          v += d;
          i++;
        }
      }
      out.push({ t: 'str', v });
    } else if ('(){}'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
    } else if ('=<>!'.includes(c)) {
      const two = q.slice(i, i + 2);
      if (two === '!=' || two === '<=' || two === '>=') {
        out.push({ t: 'op', v: two });
        i += 2;
      } else if (c === '!') {
        throw new InvalidQuery(`unexpected '!'`);
      } else {
        out.push({ t: 'op', v: c });
        i++;
      }
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(q.slice(i)) as RegExpExecArray;
      out.push({ t: 'word', v: m[0] });
      i += m[0].length;
    } else {
      throw new InvalidQuery(`unexpected '${c}'`);
    }
  }
  return out;
}

const STRING_FIELDS = ['name', 'mimeType', 'modifiedTime', 'createdTime', 'viewedByMeTime'];
const BOOL_FIELDS = ['trashed', 'starred', 'sharedWithMe'];

export function parseQuery(q: string): Query {
  const toks = tokenize(q);
  let i = 0;
  const peek = () => toks[i];
  const isWord = (w: string) => peek()?.t === 'word' && peek().v.toLowerCase() === w;
  const isOp = (o: string) => peek()?.t === 'op' && peek().v === o;
  const expectOp = (o: string) => {
    if (!isOp(o)) throw new InvalidQuery(`expected '${o}'`);
    i++;
  };
  const expectStr = (): string => {
    const tok = peek();
    if (tok?.t !== 'str') throw new InvalidQuery('expected a quoted string');
    i++;
    return tok.v;
  };

  function orExpr(): Query {
    let left = andExpr();
    while (isWord('or')) {
      i++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  }
  function andExpr(): Query {
    let left = notExpr();
    while (isWord('and')) {
      i++;
      left = { kind: 'and', left, right: notExpr() };
    }
    return left;
  }
  function notExpr(): Query {
    if (isWord('not')) {
      i++;
      return { kind: 'not', inner: notExpr() };
    }
    return primary();
  }
  function primary(): Query {
    if (isOp('(')) {
      i++;
      const inner = orExpr();
      expectOp(')');
      return inner;
    }
    const tok = peek();
    if (!tok) throw new InvalidQuery('unexpected end of query');
    if (tok.t === 'str') {
      i++;
      if (!isWord('in')) throw new InvalidQuery("expected 'in'");
      i++;
      const field = peek();
      if (field?.t !== 'word' || !['parents', 'owners', 'writers', 'readers'].includes(field.v)) {
        throw new InvalidQuery('expected parents, owners, writers or readers after in');
      }
      i++;
      return { kind: 'in', value: tok.v, field: field.v as 'parents' };
    }
    if (tok.t !== 'word') throw new InvalidQuery(`unexpected '${tok.v}'`);
    i++;
    const field = tok.v;
    if (field === 'appProperties' || field === 'properties') {
      if (!isWord('has')) throw new InvalidQuery("expected 'has'");
      i++;
      expectOp('{');
      if (!isWord('key')) throw new InvalidQuery("expected 'key'");
      i++;
      expectOp('=');
      const key = expectStr();
      if (!isWord('and')) throw new InvalidQuery("expected 'and'");
      i++;
      if (!isWord('value')) throw new InvalidQuery("expected 'value'");
      i++;
      expectOp('=');
      const value = expectStr();
      expectOp('}');
      return { kind: 'has', field, key, value };
    }
    if (field === 'fullText' || field === 'visibility' || field === 'shortcutDetails.targetId') {
      throw new UnsupportedQuery(`the query term ${field}`);
    }
    if (BOOL_FIELDS.includes(field)) {
      const op = peek();
      if (op?.t !== 'op' || (op.v !== '=' && op.v !== '!=')) throw new InvalidQuery('bad operator');
      i++;
      const v = peek();
      if (v?.t !== 'word' || (v.v !== 'true' && v.v !== 'false')) {
        throw new InvalidQuery('expected true or false');
      }
      i++;
      return { kind: 'cmp', field, op: op.v, value: v.v === 'true' };
    }
    if (!STRING_FIELDS.includes(field)) throw new InvalidQuery(`unknown field ${field}`);
    const op = peek();
    if (op?.t === 'word' && op.v === 'contains') {
      if (field.endsWith('Time')) throw new InvalidQuery('contains on a time');
      i++;
      return { kind: 'cmp', field, op: 'contains', value: expectStr() };
    }
    if (op?.t !== 'op' || !['=', '!=', '<', '<=', '>', '>='].includes(op.v)) {
      throw new InvalidQuery('bad operator');
    }
    if (!field.endsWith('Time') && !['=', '!='].includes(op.v)) {
      throw new InvalidQuery(`${op.v} on ${field}`);
    }
    i++;
    return { kind: 'cmp', field, op: op.v, value: expectStr() };
  }

  const q0 = orExpr();
  if (i !== toks.length) throw new InvalidQuery('trailing input');
  return q0;
}

export interface QueryContext {
  rootId: string;
}

export function matches(q: Query, f: FileEntry, ctx: QueryContext): boolean {
  switch (q.kind) {
    case 'and':
      return matches(q.left, f, ctx) && matches(q.right, f, ctx);
    case 'or':
      return matches(q.left, f, ctx) || matches(q.right, f, ctx);
    case 'not':
      return !matches(q.inner, f, ctx);
    case 'in': {
      if (q.field === 'parents') {
        const id = q.value === 'root' ? ctx.rootId : q.value;
        return f.parents.includes(id);
      }
      const email = q.value.toLowerCase();
      const roles =
        q.field === 'owners'
          ? ['owner']
          : q.field === 'writers'
            ? ['owner', 'writer', 'organizer', 'fileOrganizer']
            : ['owner', 'writer', 'organizer', 'fileOrganizer', 'commenter', 'reader'];
      return f.permissions.some(
        (p) => roles.includes(p.role) && (p.emailAddress ?? '').toLowerCase() === email,
      );
    }
    case 'has': {
      const props = q.field === 'appProperties' ? f.appProperties : f.properties;
      return props[q.key] === q.value;
    }
    case 'cmp':
      return compare(q, f);
  }
}

function compare(q: Extract<Query, { kind: 'cmp' }>, f: FileEntry): boolean {
  if (typeof q.value === 'boolean') {
    const actual = q.field === 'trashed' ? f.trashed : q.field === 'starred' ? f.starred : false;
    return q.op === '=' ? actual === q.value : actual !== q.value;
  }
  const value = q.value;
  if (q.field.endsWith('Time')) {
    const actual =
      q.field === 'createdTime' ? f.createdTime : q.field === 'modifiedTime' ? f.modifiedTime : '';
    const a = Date.parse(actual);
    // Drive reads a time without an offset as UTC.
    const b = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
    if (Number.isNaN(b)) throw new InvalidQuery(`bad time ${value}`);
    switch (q.op) {
      case '=':
        return a === b;
      case '!=':
        return a !== b;
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      default:
        return a >= b;
    }
  }
  const actual = q.field === 'name' ? f.name : f.mimeType;
  if (q.op === '=') return actual === value;
  if (q.op === '!=') return actual !== value;
  if (q.field === 'mimeType') return actual.includes(value);
  return nameContains(actual, value);
}

/**
 * Drive's `name contains` matches case-insensitively at the start of the name or of a word in it
 * ("name contains 'World'" finds "Hello World" but not "HelloWorld"). Thai has no spaces between
 * words, so for Thai it behaves as a prefix match on space-separated parts.
 */
export function nameContains(name: string, term: string): boolean {
  const n = name.toLowerCase();
  const t = term.toLowerCase();
  if (n.startsWith(t)) return true;
  const re = /[\s\p{P}\p{S}]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(n)) !== null) {
    if (n.startsWith(t, m.index + m[0].length)) return true;
    if (t.length && n.startsWith(t, m.index)) return true;
  }
  return false;
}
