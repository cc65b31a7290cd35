/**
 * The local Drive with several users: roles, the drive.file grant per user, shared drives and
 * Google's failures on demand. References:
 * https://developers.google.com/workspace/drive/api/guides/about-auth (drive.file),
 * https://developers.google.com/workspace/drive/api/guides/enable-shareddrives (supportsAllDrives),
 * https://developers.google.com/workspace/drive/api/guides/handle-errors (reasons and messages).
 */
import { emptyDocModel } from '../../src/local/docmodel';
import { CallLog } from '../../src/local/services/calls';
import { Faults } from '../../src/local/services/faults';
import { createDriveService } from '../../src/local/services/drive/service';
import { DriveStore } from '../../src/local/services/drive/store';
import { removeTempStores, tempStore } from '../../src/local/services/drive/testing';
import { FOLDER_MIME } from '../../src/local/services/drive/types';

afterAll(removeTempStores);

const A = 'a@muangkao.go.th';
const B = 'b@muangkao.go.th';

function office() {
  const as = { user: A };
  // The store follows the execution's user, as the runtime's does.
  const multi = new DriveStore(tempStore(A).dir, {
    user: () => as.user,
    now: () => new Date('2025-10-03T03:00:00Z'),
  });
  const faults = new Faults();
  const drive = createDriveService(multi, new CallLog(), faults);
  return { store: multi, drive, faults, as };
}

function details(fn: () => unknown): { code: number; reason: string; message: string } {
  try {
    fn();
  } catch (e) {
    const d = (e as { details: { code: number; errors: { reason: string }[] } }).details;
    return { code: d.code, reason: d.errors[0].reason, message: (e as Error).message };
  }
  throw new Error('expected an error');
}

describe('several users', () => {
  it('each has a My Drive; the app reaches what it made for A only when A runs it', () => {
    const { store, drive, as } = office();
    const folder = drive.Files.create({ name: 'รายงาน ITA', mimeType: FOLDER_MIME });
    expect(store.fileInfo(folder.id as string).appAccess).toEqual([A]);
    drive.Permissions.create(
      { role: 'writer', type: 'user', emailAddress: B },
      folder.id as string,
      {
        sendNotificationEmail: false,
      },
    );
    as.user = B;
    // B may edit the folder in Drive, but B's copy of the add-on has no drive.file grant for it.
    expect(store.roleOf(folder.id as string)).toBe('writer');
    expect(details(() => drive.Files.get(folder.id as string, {}))).toMatchObject({
      code: 404,
      reason: 'notFound',
    });
    expect(store.rootId).not.toBe(store.rootFor(A));
    // Picking it in Google Picker grants B's add-on the folder, not what is in it.
    store.grantAccess(folder.id as string);
    expect(drive.Files.get(folder.id as string, {}).id).toBe(folder.id);
    const inside = store.addUserDoc(emptyDocModel('', 'x'), 'x', [folder.id as string]);
    expect(details(() => drive.Files.get(inside, {})).code).toBe(404);
  });

  it('a reader may not add to a folder, and only the owner trashes a file', () => {
    const { store, drive, as } = office();
    const folder = drive.Files.create({ name: 'f', mimeType: FOLDER_MIME });
    const doc = drive.Files.create({
      name: 'd',
      mimeType: 'application/vnd.google-apps.document',
      parents: [folder.id as string],
    });
    drive.Permissions.create(
      { role: 'reader', type: 'user', emailAddress: B },
      folder.id as string,
      {},
    );
    as.user = B;
    store.grantAccess(folder.id as string);
    store.grantAccess(doc.id as string);
    expect(
      details(() =>
        drive.Files.create({ name: 'x', parents: [folder.id as string] }, undefined as never, {}),
      ),
    ).toMatchObject({ code: 403, reason: 'insufficientFilePermissions' });
    expect(
      details(() =>
        drive.Files.update({ trashed: true }, doc.id as string, undefined as never, {}),
      ),
    ).toMatchObject({ code: 403, reason: 'insufficientFilePermissions' });
  });
});

describe('shared drives', () => {
  it('answer 404 unless the call passes supportsAllDrives: true', () => {
    const { store, drive } = office();
    const sd = store.addSharedDrive('สำนักปลัด', { [A]: 'fileOrganizer' });
    store.grantAccess(sd);
    expect(
      details(() => drive.Files.create({ name: 'x', parents: [sd] }, undefined as never, {})),
    ).toMatchObject({
      code: 404,
      reason: 'notFound',
      message: `API call to drive.files.create failed with error: File not found: ${sd}.`,
    });
    const made = drive.Files.create(
      { name: 'x', mimeType: 'application/vnd.google-apps.document', parents: [sd] },
      undefined as never,
      {
        supportsAllDrives: true,
        fields: 'id,driveId,owners',
      },
    );
    expect(made.driveId).toBe(sd);
    expect(made.owners).toBeUndefined();
    expect(details(() => drive.Files.get(made.id as string, {})).code).toBe(404);
    expect(drive.Files.get(made.id as string, { supportsAllDrives: true }).id).toBe(made.id);
    expect(
      details(() =>
        drive.Permissions.create({ role: 'reader', type: 'anyone' }, made.id as string, {}),
      ).code,
    ).toBe(404);
    // Listing shows shared-drive items only to callers that ask for them.
    expect((drive.Files.list({}).files ?? []).map((f) => f.id)).not.toContain(made.id);
    expect(
      (
        drive.Files.list({ supportsAllDrives: true, includeItemsFromAllDrives: true }).files ?? []
      ).map((f) => f.id),
    ).toContain(made.id);
    // comments.list takes no supportsAllDrives parameter.
    expect(drive.Comments.list(made.id as string, { fields: 'comments(id)' })).toEqual({
      comments: [],
    });
  });
});

describe('sharing and its failures', () => {
  it('records the notification and its message', () => {
    const { store, drive } = office();
    const doc = drive.Files.create({ name: 'd', mimeType: 'application/vnd.google-apps.document' });
    drive.Permissions.create(
      { role: 'commenter', type: 'user', emailAddress: B },
      doc.id as string,
      {
        emailMessage: 'กรุณาตรวจ',
      },
    );
    expect(store.fileInfo(doc.id as string).permissions.at(-1)).toMatchObject({
      emailAddress: B,
      role: 'commenter',
      notificationSent: true,
      emailMessage: 'กรุณาตรวจ',
    });
  });

  it('fails as Drive fails: domain policy, undelivered e-mail (shared anyway), rate limit', () => {
    const { store, drive, faults } = office();
    const doc = drive.Files.create({ name: 'd', mimeType: 'application/vnd.google-apps.document' });
    const id = doc.id as string;
    faults
      .failSharing('out@gmail.com', 'domainPolicy')
      .failSharing('typo@muangkao.go.th', 'undeliverable')
      .failSharing('busy@muangkao.go.th', 'sharingRateLimit');
    const share = (email: string) => () =>
      drive.Permissions.create({ role: 'commenter', type: 'user', emailAddress: email }, id, {});
    expect(details(share('out@gmail.com'))).toEqual({
      code: 400,
      reason: 'invalidSharingRequest',
      message:
        'API call to drive.permissions.create failed with error: Bad Request. User message: "ACL change not allowed."',
    });
    expect(details(share('typo@muangkao.go.th')).message).toContain(
      'Sorry, the items were successfully shared but emails could not be sent to typo@muangkao.go.th.',
    );
    expect(details(share('busy@muangkao.go.th')).reason).toBe('sharingRateLimitExceeded');
    const shared = store.fileInfo(id).permissions.map((p) => p.emailAddress);
    expect(shared).toContain('typo@muangkao.go.th');
    expect(shared).not.toContain('out@gmail.com');
  });

  it('an address without a Google account is invited when Drive may e-mail it', () => {
    const { drive, faults } = office();
    const id = drive.Files.create({ name: 'd' }).id as string;
    faults.failSharing('new@example.com', 'noGoogleAccount');
    const share = (notify: boolean) => () =>
      drive.Permissions.create(
        { role: 'reader', type: 'user', emailAddress: 'new@example.com' },
        id,
        {
          sendNotificationEmail: notify,
        },
      );
    expect(details(share(false)).reason).toBe('invalidSharingRequest');
    expect(share(true)()).toMatchObject({ role: 'reader' });
  });
});

describe('comments have authors', () => {
  it('Drive marks the caller\u2019s own comments as `me`', () => {
    const { store, drive, as } = office();
    const id = drive.Files.create({ name: 'd', mimeType: 'application/vnd.google-apps.document' })
      .id as string;
    // Only someone the Doc is shared with may comment (the Docs editor offers nothing else).
    expect(() => store.addComment(id, B, 'แก้คะแนน')).toThrow('needs the commenter role');
    drive.Permissions.create({ role: 'commenter', type: 'user', emailAddress: B }, id, {
      sendNotificationEmail: false,
    });
    store.addComment(id, B, 'แก้คะแนน');
    store.addComment(id, A, 'รับทราบ');
    const list = drive.Comments.list(id, {
      fields: 'comments(content,author(emailAddress,me),quotedFileContent)',
    }) as {
      comments: { author: { emailAddress: string; me: boolean } }[];
    };
    expect(list.comments.map((c) => [c.author.emailAddress, c.author.me])).toEqual([
      [B, false],
      [A, true],
    ]);
    expect(as.user).toBe(A);
  });
});
