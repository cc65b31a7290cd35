/**
 * The Docs advanced service (Docs API v1, declared in the manifest; it uses the `documents`
 * scope). A whole fill or template is one documents.batchUpdate: one service call, applied
 * atomically (https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate).
 */
import type { Document, Request } from '../core/docs/types';
import { UserFacingError } from './drive';
import { isNotFound } from './google-errors';

function docs(): GoogleAppsScript.Docs {
  if (typeof Docs === 'undefined' || !Docs) {
    throw new UserFacingError(
      'ยังไม่ได้เปิดใช้บริการ Google เอกสารขั้นสูง (Docs API) ของส่วนเสริม กรุณาแจ้งผู้ดูแลระบบ',
    );
  }
  return Docs;
}

/** What the template filler reads: the body, the default header and footer, and the lists. */
const TEMPLATE_FIELDS = 'body,headers,footers,documentStyle(defaultHeaderId,defaultFooterId),lists';

export function getDocument(docId: string): Document {
  return docs().Documents.get(docId, { fields: TEMPLATE_FIELDS } as never) as Document;
}

export function batchUpdate(docId: string, requests: Request[]): void {
  if (!requests.length) return;
  docs().Documents.batchUpdate(
    { requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
    docId,
  );
}

/**
 * The Doc's body when this user can open it at all, else null. The documents scope reaches any
 * Doc the user may read (unlike drive.file): a reviewer or approver the Doc was shared with can
 * read it, even where their add-on cannot list its comments.
 */
export function readDocument(docId: string): Document | null {
  try {
    return docs().Documents.get(docId, { fields: 'body' } as never) as Document;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}
