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
import { suggestedDocument } from '../../suggestions';
import { atLeast } from '../drive/access';
import { applyFields, parseFields, unknownFields } from '../drive/fields';
import type { DriveStore } from '../drive/store';
import { DOC_MIME } from '../drive/types';
import { applyRequests } from './apply';
import { GoogleJsonResponseException, notEmulatedRequest } from './errors';
import { documentJson } from './json';

const ACCEPTED = 'PREVIEW_SUGGESTIONS_ACCEPTED';
const VIEW_MODES = [
  'DEFAULT_FOR_CURRENT_ACCESS',
  'SUGGESTIONS_INLINE',
  ACCEPTED,
  'PREVIEW_WITHOUT_SUGGESTIONS',
];

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

  /**
   * The suggestions view documents.get applies (https://developers.google.com/docs/api/how-tos/suggestions;
   * SuggestionsViewMode, https://developers.google.com/docs/api/reference/rest/v1/documents/get):
   * by default (DEFAULT_FOR_CURRENT_ACCESS) "If the user only has view access,
   * PREVIEW_WITHOUT_SUGGESTIONS is applied. Otherwise, SUGGESTIONS_INLINE is applied"; asking for
   * SUGGESTIONS_INLINE or PREVIEW_SUGGESTIONS_ACCEPTED without permission to view suggested
   * changes is a 403. Assumption (the reference does not name the roles): commenters and editors
   * may view suggestions (they can make them), readers may not. The Docs API v1 reports no
   * suggestion's author (suggestion threads are a Developer Preview), so neither does this.
   */
  private _viewMode(id: string, asked: string | undefined, method: string): string {
    const mode = asked ?? 'DEFAULT_FOR_CURRENT_ACCESS';
    if (!VIEW_MODES.includes(mode))
      throw new GoogleJsonResponseException(
        method,
        400,
        `Invalid value at 'suggestions_view_mode' (type.googleapis.com/google.apps.docs.v1.SuggestionsViewMode), "${mode}"`,
      );
    const seesSuggestions = atLeast(this.store.roleOf(id), 'commenter');
    if (mode === 'DEFAULT_FOR_CURRENT_ACCESS')
      return seesSuggestions ? 'SUGGESTIONS_INLINE' : 'PREVIEW_WITHOUT_SUGGESTIONS';
    if (mode !== 'PREVIEW_WITHOUT_SUGGESTIONS' && !seesSuggestions)
      throw new GoogleJsonResponseException(method, 403, 'The caller does not have permission');
    return mode;
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
    const model = this._model(documentId, method);
    const mode = this._viewMode(String(documentId), optionalArgs?.suggestionsViewMode, method);
    const shown =
      mode === 'SUGGESTIONS_INLINE' ? model : suggestedDocument(model, mode === ACCEPTED);
    const doc = { ...documentJson(shown, String(documentId)), suggestionsViewMode: mode };
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
