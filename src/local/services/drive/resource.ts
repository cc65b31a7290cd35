import { atLeast } from './access';
import type { FileEntry, PermissionEntry, RevisionEntry, Role } from './types';
import { DOC_MIME, FOLDER_MIME, GOOGLE_MIME_PREFIX } from './types';

/** Every field a File resource can carry here; `fields` naming anything else is an error. */
export const FILE_FIELDS = [
  'kind',
  'id',
  'name',
  'mimeType',
  'description',
  'starred',
  'trashed',
  'explicitlyTrashed',
  'parents',
  'properties',
  'appProperties',
  'spaces',
  'version',
  'webContentLink',
  'webViewLink',
  'iconLink',
  'hasThumbnail',
  'thumbnailVersion',
  'viewedByMe',
  'createdTime',
  'modifiedTime',
  'modifiedByMe',
  'modifiedByMeTime',
  'owners',
  'lastModifyingUser',
  'shared',
  'ownedByMe',
  'capabilities',
  'viewersCanCopyContent',
  'copyRequiresWriterPermission',
  'writersCanShare',
  'permissions',
  'permissionIds',
  'originalFilename',
  'fullFileExtension',
  'fileExtension',
  'md5Checksum',
  'size',
  'quotaBytesUsed',
  'headRevisionId',
  'exportLinks',
  'isAppAuthorized',
  'resourceKey',
  'driveId',
  'teamDriveId',
  'thumbnailLink',
  'folderColorRgb',
  'labelInfo',
  'linkShareMetadata',
  'sharingUser',
  'contentHints',
  'contentRestrictions',
  'imageMediaMetadata',
  'videoMediaMetadata',
  'shortcutDetails',
  'sha1Checksum',
  'sha256Checksum',
  'trashedTime',
  'trashingUser',
  'viewedByMeTime',
  'sharedWithMeTime',
  'hasAugmentedPermissions',
  'inheritedPermissionsDisabled',
  'downloadRestrictions',
] as const;

/** Drive v3's answer when no `fields` are requested. */
export const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';
export const DEFAULT_PERMISSION_FIELDS = 'kind,id,type,role';

export const PERMISSION_FIELDS = [
  'kind',
  'id',
  'type',
  'role',
  'emailAddress',
  'domain',
  'displayName',
  'allowFileDiscovery',
  'photoLink',
  'deleted',
  'pendingOwner',
  'expirationTime',
  'permissionDetails',
  'teamDrivePermissionDetails',
  'view',
  'inheritedPermissionsDisabled',
] as const;

/** The links Google gives out: Docs open in the editor, files in the viewer. */
export function webViewLink(id: string, mimeType: string): string {
  if (mimeType === FOLDER_MIME) return `https://drive.google.com/drive/folders/${id}`;
  if (mimeType === DOC_MIME) return `https://docs.google.com/document/d/${id}/edit?usp=drivesdk`;
  if (mimeType === 'application/vnd.google-apps.spreadsheet') {
    return `https://docs.google.com/spreadsheets/d/${id}/edit?usp=drivesdk`;
  }
  if (mimeType === 'application/vnd.google-apps.presentation') {
    return `https://docs.google.com/presentation/d/${id}/edit?usp=drivesdk`;
  }
  return `https://drive.google.com/file/d/${id}/view?usp=drivesdk`;
}

export function permissionResource(p: PermissionEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: 'drive#permission',
    id: p.id,
    type: p.type,
    role: p.role,
  };
  if (p.emailAddress !== undefined) out.emailAddress = p.emailAddress;
  if (p.domain !== undefined) out.domain = p.domain;
  if (p.displayName !== undefined) out.displayName = p.displayName;
  if (p.allowFileDiscovery !== undefined) out.allowFileDiscovery = p.allowFileDiscovery;
  out.deleted = false;
  out.pendingOwner = false;
  return out;
}

/**
 * The full Drive v3 File resource for an entry, before `fields` filtering. `inTrash` is true also
 * for files inside a trashed folder (Drive: trashed, but not explicitlyTrashed).
 */
export function fileResource(
  e: FileEntry,
  me: string,
  inTrash = e.trashed,
  role: Role | null = 'owner',
): Record<string, unknown> {
  const can = (r: Role) => atLeast(role, r);
  const isFolder = e.mimeType === FOLDER_MIME;
  const isGoogle = e.mimeType.startsWith(GOOGLE_MIME_PREFIX);
  const ownerUsers = e.owners.map((o) => ({
    kind: 'drive#user',
    displayName: o.displayName,
    emailAddress: o.emailAddress,
    me: o.emailAddress.toLowerCase() === me.toLowerCase(),
    permissionId: e.permissions.find((p) => p.role === 'owner')?.id,
  }));
  const out: Record<string, unknown> = {
    kind: 'drive#file',
    id: e.id,
    name: e.name,
    mimeType: e.mimeType,
    starred: e.starred,
    trashed: inTrash,
    explicitlyTrashed: e.trashed,
    parents: [...e.parents],
    properties: { ...e.properties },
    appProperties: { ...e.appProperties },
    spaces: ['drive'],
    version: String(e.version),
    webViewLink: webViewLink(e.id, e.mimeType),
    iconLink: `https://drive-thirdparty.googleusercontent.com/16/type/${e.mimeType}`,
    hasThumbnail: false,
    thumbnailVersion: '0',
    viewedByMe: true,
    createdTime: e.createdTime,
    modifiedTime: e.modifiedTime,
    modifiedByMe: true,
    modifiedByMeTime: e.modifiedTime,
    viewedByMeTime: e.modifiedTime,
    owners: ownerUsers,
    lastModifyingUser: ownerUsers[0],
    shared: e.permissions.some((p) => p.role !== 'owner'),
    ownedByMe: e.owners.some((o) => o.emailAddress.toLowerCase() === me.toLowerCase()),
    capabilities: {
      canEdit: can('writer'),
      canComment: can('commenter'),
      canShare: can('writer'),
      canCopy: !isFolder,
      canDownload: true,
      canTrash: can(e.driveId ? 'fileOrganizer' : 'owner'),
      canDelete: can(e.driveId ? 'organizer' : 'owner'),
      canRename: can('writer'),
      canAddChildren: isFolder && can('writer'),
      canListChildren: isFolder,
    },
    viewersCanCopyContent: true,
    copyRequiresWriterPermission: false,
    writersCanShare: true,
    permissions: e.permissions.map(permissionResource),
    permissionIds: e.permissions.map((p) => p.id),
    isAppAuthorized: e.appAccess.includes(me.toLowerCase()),
    quotaBytesUsed: String(e.size ?? 0),
  };
  if (e.description !== undefined) out.description = e.description;
  if (e.driveId) {
    out.driveId = e.driveId;
    out.teamDriveId = e.driveId;
    // Items in a shared drive belong to the drive: Drive reports no owners for them.
    delete out.owners;
    out.ownedByMe = false;
  }
  if (!isGoogle) {
    out.webContentLink = `https://drive.google.com/uc?id=${e.id}&export=download`;
    out.size = String(e.size ?? 0);
    if (e.md5Checksum) out.md5Checksum = e.md5Checksum;
    out.headRevisionId = e.revisions?.at(-1)?.id ?? `0B${e.id.slice(1, 20)}${e.version}`;
    out.originalFilename = e.originalFilename ?? e.name;
    const ext = /\.([^.]+)$/.exec(e.name)?.[1];
    if (ext) {
      out.fullFileExtension = ext;
      out.fileExtension = ext;
    }
  }
  if (e.mimeType === DOC_MIME) {
    const base = `https://docs.google.com/feeds/download/documents/export/Export?id=${e.id}&exportFormat=`;
    out.exportLinks = {
      'application/pdf': `${base}pdf`,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': `${base}docx`,
      'text/plain': `${base}txt`,
    };
  }
  return out;
}

/** Every field a Revision resource carries here (files with binary content). */
export const REVISION_FIELDS = [
  'kind',
  'id',
  'mimeType',
  'modifiedTime',
  'keepForever',
  'published',
  'publishAuto',
  'publishedOutsideDomain',
  'publishedLink',
  'lastModifyingUser',
  'originalFilename',
  'md5Checksum',
  'size',
  'exportLinks',
] as const;

/** Drive v3's answer for a revision when no `fields` are asked: "id, mimeType, kind, and modifiedTime". */
export const DEFAULT_REVISION_FIELDS = 'kind,id,mimeType,modifiedTime';

export function revisionResource(r: RevisionEntry, me: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: 'drive#revision',
    id: r.id,
    mimeType: r.mimeType,
    modifiedTime: r.modifiedTime,
    keepForever: r.keepForever,
    published: false,
    lastModifyingUser: {
      kind: 'drive#user',
      displayName: r.lastModifyingUser.displayName,
      emailAddress: r.lastModifyingUser.emailAddress,
      me: r.lastModifyingUser.emailAddress.toLowerCase() === me.toLowerCase(),
    },
    md5Checksum: r.md5Checksum,
    size: String(r.size),
  };
  if (r.originalFilename !== undefined) out.originalFilename = r.originalFilename;
  return out;
}
