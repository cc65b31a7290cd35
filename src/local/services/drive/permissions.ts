import type { CallLog } from '../calls';
import { tracked } from '../calls';
import { GoogleJsonResponseException, badRequest, notEmulated, notFound } from './errors';
import type { FieldMask } from './fields';
import { applyFields, parseFields, unknownFields } from './fields';
import { DEFAULT_PERMISSION_FIELDS, PERMISSION_FIELDS, permissionResource } from './resource';
import type { DriveStore } from './store';
import type { FileEntry, PermissionEntry } from './types';

type Schema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
type Args = Record<string, unknown>;

const ROLES = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];
const TYPES = ['user', 'group', 'domain', 'anyone'];

function permissionMask(method: string, fields: unknown, fallback: string): FieldMask {
  const spec = typeof fields === 'string' && fields.trim() ? fields : fallback;
  try {
    return parseFields(spec);
  } catch {
    throw badRequest(method, `Invalid field selection ${spec}`);
  }
}

/** `Drive.Permissions`: sharing is recorded on the file (nobody is actually e-mailed). */
export class PermissionsCollection implements Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection,
  'create' | 'get' | 'list' | 'remove'
> {
  constructor(
    private readonly store: DriveStore,
    log: CallLog,
  ) {
    return tracked(this, log, 'Drive', 'Permissions');
  }

  create(resource: Schema, fileId: string, optionalArgs: Args = {}): never {
    const method = 'drive.permissions.create';
    const mask = permissionMask(method, optionalArgs.fields, DEFAULT_PERMISSION_FIELDS);
    const bad = unknownFields(mask, PERMISSION_FIELDS);
    if (bad.length) throw badRequest(method, `Invalid field selection ${bad[0]}`);
    const e = this.reachable(method, fileId);
    const res = (resource ?? {}) as Schema;
    if (!res.role) throw badRequest(method, 'The permission role field is required.');
    if (!res.type) throw badRequest(method, 'The permission type field is required.');
    if (!ROLES.includes(res.role)) throw badRequest(method, `Invalid value for role: ${res.role}`);
    if (!TYPES.includes(res.type)) throw badRequest(method, `Invalid value for type: ${res.type}`);
    if ((res.type === 'user' || res.type === 'group') && !res.emailAddress) {
      throw badRequest(method, 'The permission emailAddress field is required for this type.');
    }
    if (res.type === 'domain' && !res.domain) {
      throw badRequest(method, 'The permission domain field is required for this type.');
    }
    if (res.role === 'owner') {
      if (optionalArgs.transferOwnership !== true) {
        throw new GoogleJsonResponseException(
          method,
          403,
          "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
        );
      }
      throw notEmulated('transferring ownership');
    }
    const notify =
      res.type === 'user' || res.type === 'group'
        ? optionalArgs.sendNotificationEmail !== false
        : false;
    const perm: Omit<PermissionEntry, 'id'> = {
      type: res.type as PermissionEntry['type'],
      role: res.role as PermissionEntry['role'],
      notificationSent: notify,
    };
    if (res.emailAddress) perm.emailAddress = res.emailAddress;
    if (res.emailAddress) perm.displayName = res.emailAddress.split('@')[0];
    if (res.domain) perm.domain = res.domain;
    if (res.type === 'anyone' || res.type === 'domain') {
      perm.allowFileDiscovery = res.allowFileDiscovery ?? false;
    }
    const created = this.store.addPermission(e.id, perm);
    return applyFields(permissionResource(created), mask) as never;
  }

  get(fileId: string, permissionId: string, optionalArgs: Args = {}): never {
    const method = 'drive.permissions.get';
    const e = this.reachable(method, fileId);
    const p = e.permissions.find((x) => x.id === permissionId);
    if (!p)
      throw new GoogleJsonResponseException(method, 404, `Permission not found: ${permissionId}.`);
    const mask = permissionMask(method, optionalArgs.fields, DEFAULT_PERMISSION_FIELDS);
    return applyFields(permissionResource(p), mask) as never;
  }

  list(fileId: string, optionalArgs: Args = {}): never {
    const method = 'drive.permissions.list';
    const e = this.reachable(method, fileId);
    const mask = permissionMask(
      method,
      optionalArgs.fields,
      `kind,nextPageToken,permissions(${DEFAULT_PERMISSION_FIELDS})`,
    );
    const full = {
      kind: 'drive#permissionList',
      permissions: e.permissions.map(permissionResource),
    };
    return applyFields(full, mask) as never;
  }

  remove(fileId: string, permissionId: string, _optionalArgs: Args = {}): void {
    const method = 'drive.permissions.delete';
    const e = this.reachable(method, fileId);
    if (!this.store.removePermission(e.id, permissionId)) {
      throw new GoogleJsonResponseException(method, 404, `Permission not found: ${permissionId}.`);
    }
  }

  private reachable(method: string, fileId: string): FileEntry {
    const e = this.store.entry(fileId);
    if (!e || !this.store.reachableByApp(e.id)) throw notFound(method, fileId);
    return e;
  }
}
