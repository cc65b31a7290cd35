import type { CallLog } from '../calls';
import { tracked } from '../calls';
import { CommentsCollection } from './comments';
import { notEmulated } from './errors';
import { FilesCollection } from './files';
import { PermissionsCollection } from './permissions';
import { RevisionsCollection } from './revisions';
import type { DriveStore } from './store';
import type { Faults } from '../faults';

/** A collection the add-on never uses: any call says plainly that it is not emulated. */
function notEmulatedCollection(name: string): object {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== 'string' || prop === 'then' || prop === 'toJSON') return undefined;
        return () => {
          throw notEmulated(`Drive.${name}.${prop}`);
        };
      },
    },
  );
}

/** The `Drive` global of the Drive v3 advanced service. */
class DriveService {
  readonly Files: FilesCollection;
  readonly Permissions: PermissionsCollection;
  readonly Comments: CommentsCollection;
  readonly About = notEmulatedCollection('About');
  readonly Apps = notEmulatedCollection('Apps');
  readonly Changes = notEmulatedCollection('Changes');
  readonly Channels = notEmulatedCollection('Channels');
  readonly Drives = notEmulatedCollection('Drives');
  readonly Operation = notEmulatedCollection('Operation');
  readonly Operations = notEmulatedCollection('Operations');
  readonly Replies = notEmulatedCollection('Replies');
  readonly Revisions: RevisionsCollection;
  readonly Teamdrives = notEmulatedCollection('Teamdrives');

  constructor(store: DriveStore, log: CallLog, faults?: Faults) {
    this.Files = new FilesCollection(store, log, faults);
    this.Permissions = new PermissionsCollection(store, log, faults);
    this.Comments = new CommentsCollection(store, log);
    this.Revisions = new RevisionsCollection(store, log);
    return tracked(this, log, 'Drive', 'Drive');
  }

  // The `new…()` helpers of advanced services return empty resources to fill in.
  newFile(): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File {
    return {};
  }

  newPermission(): GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission {
    return {};
  }

  newComment(): GoogleAppsScript.Drive_v3.Drive.V3.Schema.Comment {
    return {};
  }
}

/** The Drive v3 advanced service over a local folder, under the `drive.file` scope. */
export function createDriveService(
  store: DriveStore,
  log: CallLog,
  faults?: Faults,
): GoogleAppsScript.Drive {
  return new DriveService(store, log, faults) as unknown as GoogleAppsScript.Drive;
}
