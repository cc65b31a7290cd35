/**
 * Who may do what with a file in the local Drive: the Drive roles a user holds (direct, inherited
 * from folders, through shared-drive membership, by domain or "anyone with the link"), and the
 * app's own drive.file grant, which is per user.
 *
 * - Roles: https://developers.google.com/workspace/drive/api/guides/ref-roles. A folder's
 *   permissions apply to what it holds; a shared drive's members reach everything in it
 *   (https://developers.google.com/workspace/drive/api/guides/about-shareddrives).
 * - drive.file: "See, edit, create, and delete only the specific Google Drive files you use with
 *   this app" (https://developers.google.com/workspace/drive/api/guides/about-auth): files the app
 *   created for this user, or that this user opened with it through Google Picker. The grant is
 *   the user's: a file the app created for A is not reachable by the app running for B, even when
 *   A shared it with B, until B picks it. Picking a folder grants that folder, not what is in it
 *   (the Picker hands the app the picked item's id only; see docs/local-docs-drive.md).
 */
import type { FileEntry, PermissionEntry, Role } from './types';
import { ROLES } from './types';

/** Higher is stronger; owner and organizer both manage the item. */
const RANK: Record<Role, number> = {
  owner: 6,
  organizer: 6,
  fileOrganizer: 5,
  writer: 4,
  commenter: 3,
  reader: 2,
};

export function atLeast(role: Role | null, wanted: Role): boolean {
  return role !== null && RANK[role] >= RANK[wanted];
}

function stronger(a: Role | null, b: Role | null): Role | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** The role one permission gives `email`, or null when it is about someone else. */
function grantedBy(p: PermissionEntry, email: string): Role | null {
  const who = email.toLowerCase();
  if ((p.type === 'user' || p.type === 'group') && (p.emailAddress ?? '').toLowerCase() === who)
    return p.role;
  if (p.type === 'domain' && (p.domain ?? '').toLowerCase() === domainOf(who)) return p.role;
  if (p.type === 'anyone') return p.role;
  return null;
}

/**
 * The strongest role `email` holds on `id`: its own permissions and owners, every folder above
 * it, and the shared drive it lives in. Null: the user cannot see the file at all (Drive: 404).
 */
export function roleOf(files: Record<string, FileEntry>, id: string, email: string): Role | null {
  let best: Role | null = null;
  const seen = new Set<string>();
  for (let e = files[id]; e && !seen.has(e.id); e = files[e.parents[0] ?? '']) {
    seen.add(e.id);
    if (e.owners.some((o) => o.emailAddress.toLowerCase() === email.toLowerCase()))
      best = stronger(best, 'owner');
    for (const p of e.permissions) best = stronger(best, grantedBy(p, email));
  }
  return best;
}

/** Whether the app, running for `email`, holds the drive.file grant for this entry. */
export function appGranted(e: FileEntry, email: string): boolean {
  return e.appAccess.includes(email.toLowerCase());
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
