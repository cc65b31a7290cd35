import type { CallLog } from '../calls';
import { tracked } from '../calls';
import type { Faults } from '../faults';
import { sharingError } from '../faults';
import {
  GoogleJsonResponseException,
  badRequest,
  insufficientPermissions,
  notEmulated,
} from './errors';
import { reachableEntry } from './files';
import type { FieldMask } from './fields';
import { applyFields, parseFields, unknownFields } from './fields';
import { DEFAULT_PERMISSION_FIELDS, PERMISSION_FIELDS, permissionResource } from './resource';
import type { DriveStore } from './store';
import { isRole } from './access';
import type { FileEntry, PermissionEntry } from './types';

type Schema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
type Args = Record<string, unknown>;

const TYPES = ['user', 'group', 'domain', 'anyone'];

function permissionMask(method: string, fields: unknown, fallback: string): FieldMask {
  const spec = typeof fields === 'string' && fields.trim() ? fields : fallback;
  try {
    return parseFields(spec);
  } catch {
    throw badRequest(method, `Invalid field selection ${spec}`);
  }
}

/**
 * `Drive.Permissions`: sharing is recorded on the file with the notification Google would send
 * (nobody is actually e-mailed). Sharing needs the writer role (or the owner's); a file in a
 * shared drive answers 404 without `supportsAllDrives: true`
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/create).
 */
export class PermissionsCollection implements Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection,
  'create' | 'get' | 'list' | 'remove'
> {
  constructor(
    private readonly store: DriveStore,
    log: CallLog,
    private readonly faults?: Faults,
  ) {
    return tracked(this, log, 'Drive', 'Permissions');
  }

  create(resource: Schema, fileId: string, optionalArgs: Args = {}): never {
    const method = 'drive.permissions.create';
    const mask = permissionMask(method, optionalArgs.fields, DEFAULT_PERMISSION_FIELDS);
    const bad = unknownFields(mask, PERMISSION_FIELDS);
    if (bad.length) throw badRequest(method, `Invalid field selection ${bad[0]}`);
    const e = this.reachable(method, fileId, optionalArgs);
    const res = (resource ?? {}) as Schema;
    if (!this.store.can(e.id, 'writer')) throw insufficientPermissions(method, e.id);
    if (!res.role) throw badRequest(method, 'The permission role field is required.');
    if (!res.type) throw badRequest(method, 'The permission type field is required.');
    if (!isRole(res.role)) throw badRequest(method, `Invalid value for role: ${res.role}`);
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
    // "This defaults to true for users and groups, and is not allowed for other requests."
    const notify =
      res.type === 'user' || res.type === 'group'
        ? optionalArgs.sendNotificationEmail !== false
        : false;
    // A domain that forbids sharing by link refuses `anyone` as it refuses an outside address.
    const grantee = res.emailAddress ?? (res.type === 'anyone' ? 'anyone' : undefined);
    const fault = grantee ? this.faults?.sharingFault(grantee) : undefined;
    const refused =
      fault && fault !== 'undeliverable'
        ? sharingError(fault, res.emailAddress ?? '', notify)
        : null;
    if (refused) throw refused;
    const perm: Omit<PermissionEntry, 'id'> = {
      type: res.type as PermissionEntry['type'],
      role: res.role,
      notificationSent: notify,
    };
    if (notify && typeof optionalArgs.emailMessage === 'string')
      perm.emailMessage = optionalArgs.emailMessage;
    if (res.emailAddress) perm.emailAddress = res.emailAddress;
    if (res.emailAddress) perm.displayName = res.emailAddress.split('@')[0];
    if (res.domain) perm.domain = res.domain;
    if (res.type === 'anyone' || res.type === 'domain') {
      perm.allowFileDiscovery = res.allowFileDiscovery ?? false;
    }
    const created = this.store.addPermission(e.id, perm);
    // Drive shares, then reports that the e-mail could not be delivered (handle-errors).
    if (fault === 'undeliverable') throw sharingError(fault, res.emailAddress ?? '', notify);
    return applyFields(permissionResource(created), mask) as never;
  }

  get(fileId: string, permissionId: string, optionalArgs: Args = {}): never {
    const method = 'drive.permissions.get';
    const e = this.reachable(method, fileId, optionalArgs);
    const p = e.permissions.find((x) => x.id === permissionId);
    if (!p)
      throw new GoogleJsonResponseException(method, 404, `Permission not found: ${permissionId}.`);
    const mask = permissionMask(method, optionalArgs.fields, DEFAULT_PERMISSION_FIELDS);
    return applyFields(permissionResource(p), mask) as never;
  }

  list(fileId: string, optionalArgs: Args = {}): never {
    const method = 'drive.permissions.list';
    const e = this.reachable(method, fileId, optionalArgs);
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

  remove(fileId: string, permissionId: string, optionalArgs: Args = {}): void {
    const method = 'drive.permissions.delete';
    const e = this.reachable(method, fileId, optionalArgs);
    if (!this.store.can(e.id, 'writer')) throw insufficientPermissions(method, e.id);
    if (!this.store.removePermission(e.id, permissionId)) {
      throw new GoogleJsonResponseException(method, 404, `Permission not found: ${permissionId}.`);
    }
  }

  private reachable(method: string, fileId: string, args: Args): FileEntry {
    return reachableEntry(this.store, method, fileId, args);
  }
}
