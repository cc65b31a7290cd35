/**
 * The Docs advanced service (`Docs`, Docs API v1): Documents.get returns the document model in
 * the API's JSON (json.ts) and Documents.batchUpdate applies requests to it (apply.ts),
 * atomically. Both work on the saved document, as the API does: DocumentApp edits not yet saved
 * are not seen, and a DocumentApp document opened before a batchUpdate does not see its changes.
 * See docs/local-docs-drive.md.
 */
import type { DocModel } from '../../docmodel';
import type * as Api from '../../../core/docs/types';
import type { CallLog } from '../calls';
import { tracked } from '../calls';
import { applyFields, parseFields, unknownFields } from '../drive/fields';
import type { DriveStore } from '../drive/store';
import { DOC_MIME } from '../drive/types';
import { applyRequests } from './apply';
import { GoogleJsonResponseException, notEmulatedRequest } from './errors';
import { documentJson } from './json';

const DOCUMENT_FIELDS = [
  'documentId',
  'title',
  'tabs',
  'revisionId',
  'suggestionsViewMode',
  'body',
  'headers',
  'footers',
  'footnotes',
  'documentStyle',
  'suggestedDocumentStyleChanges',
  'namedStyles',
  'suggestedNamedStylesChanges',
  'lists',
  'namedRanges',
  'inlineObjects',
  'positionedObjects',
];

class DocumentsCollection implements Pick<
  GoogleAppsScript.Docs.Collection.DocumentsCollection,
  'get' | 'batchUpdate'
> {
  constructor(
    private readonly store: DriveStore,
    log: CallLog,
  ) {
    return tracked(this, log, 'Docs', 'Documents');
  }

  /** The saved model of a Google Doc, or Google's 404. */
  private _model(documentId: string, method: string): DocModel {
    const e = this.store.entry(String(documentId));
    if (!e || e.mimeType !== DOC_MIME)
      throw new GoogleJsonResponseException(method, 404, 'Requested entity was not found.');
    return this.store.readModel(e.id);
  }

  get(
    documentId: string,
    optionalArgs?: { fields?: string; suggestionsViewMode?: string; includeTabsContent?: boolean },
  ): GoogleAppsScript.Docs.Schema.Document {
    const method = 'docs.documents.get';
    if (optionalArgs?.includeTabsContent) throw notEmulatedRequest('includeTabsContent');
    const doc = documentJson(this._model(documentId, method), String(documentId));
    if (!optionalArgs?.fields) return doc as GoogleAppsScript.Docs.Schema.Document;
    let mask;
    try {
      mask = parseFields(optionalArgs.fields);
    } catch {
      throw new GoogleJsonResponseException(
        method,
        400,
        `Invalid field selection ${optionalArgs.fields}`,
      );
    }
    const unknown = unknownFields(mask, DOCUMENT_FIELDS);
    if (unknown.length)
      throw new GoogleJsonResponseException(method, 400, `Invalid field selection ${unknown[0]}`);
    return applyFields(doc, mask) as GoogleAppsScript.Docs.Schema.Document;
  }

  batchUpdate(
    resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
    documentId: string,
  ): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    const model = this._model(documentId, 'docs.documents.batchUpdate');
    if (resource.writeControl) throw notEmulatedRequest('writeControl');
    // A fresh copy: nothing reaches the store unless every request passes.
    const replies = applyRequests(model, (resource.requests ?? []) as Api.Request[]);
    this.store.writeModel(String(documentId), model);
    return { documentId: String(documentId), replies };
  }
}

export function createDocsService(store: DriveStore, log: CallLog): GoogleAppsScript.Docs {
  return { Documents: new DocumentsCollection(store, log) } as unknown as GoogleAppsScript.Docs;
}
