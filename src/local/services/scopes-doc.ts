/**
 * docs/scopes.md: the scope table (scopes.ts) as a page for people, with the reference page per
 * service and class. Written by scripts/make-scope-table.ts; a test keeps the page current.
 */
import { SCOPE_TABLE, type Access, type ClassScopes } from './scopes';

const ACCESS: Record<Access, string> = {
  anonymous: 'any (NONE, LIMITED, FULL)',
  limited: 'LIMITED, FULL',
  full: 'FULL',
};

function scopes(list: readonly string[]): string {
  return list.length
    ? list.map((s) => `\`${s.replace('https://www.googleapis.com/auth/', '')}\``).join(' or ')
    : '—';
}

function rows(c: ClassScopes): string[] {
  const groups = new Map<string, string[]>();
  for (const member of c.members) {
    const own = c.own?.[member];
    const key = `${scopes(own?.scopes ?? c.scopes)} | ${ACCESS[own?.access ?? c.access]}`;
    groups.set(key, [...(groups.get(key) ?? []), member]);
  }
  return [...groups].map(([key, members]) => `| ${members.join(', ')} | ${key} |`);
}

export function scopeTableDoc(): string {
  const out = [
    '# Scopes and authorisation modes of every emulated member',
    '',
    '<!-- Generated from src/local/services/scopes.ts by scripts/make-scope-table.ts: do not edit. -->',
    '',
    'What the local runtime checks before each call (src/local/services/execution.ts): the call',
    "needs one of the member's scopes in the manifest's `oauthScopes` (scopes are written without",
    '`https://www.googleapis.com/auth/`), and runs only in the authorisation modes listed. Scopes',
    'come from the "Authorization" section of each member in the reference; modes from',
    '[the editor add-on authorisation guide](https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle)',
    'and [the simple-trigger restrictions](https://developers.google.com/apps-script/guides/triggers#restrictions).',
    'Members the reference gives no Authorization section (builders, `User`, `Blob`, `HtmlOutput`) are',
    'taken to need none: an assumption.',
    '',
  ];
  for (const service of SCOPE_TABLE) {
    out.push(`## ${service.service}`, '', `Reference: <${service.reference}>`, '');
    for (const [name, c] of Object.entries(service.classes)) {
      out.push(`### ${name} ([reference](${service.reference}${c.page}))`, '');
      out.push('| members | scopes | modes |', '| --- | --- | --- |', ...rows(c), '');
    }
  }
  return out.join('\n');
}
