import type { DocModel } from '../../docmodel';
import { emptyDocModel } from '../../docmodel';
import type { CallLog } from '../calls';
import { tracked } from '../calls';
import type { DriveStore } from '../drive/store';
import { DOC_MIME } from '../drive/types';
import { Document } from './document';
import {
  Attribute,
  ElementType,
  FontFamily,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  PositionedLayout,
  TextAlignment,
  VerticalAlignment,
} from './enums';
import { DocSession } from './session';
// Element classes register themselves with `wrap` when loaded.
import './container';
import './image';
import './inline';
import './paragraph';
import './sections';
import './table';
import './text';

export { CLOSED_MESSAGE, normalizeForSave } from './session';

const MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";

/**
 * DocumentApp with the `documents` scope: it can open any Google Doc in the store by id, unlike
 * the Drive service (drive.file), which sees only the add-on's files.
 */
class DocumentAppService implements Pick<
  GoogleAppsScript.Document.DocumentApp,
  'create' | 'getActiveDocument' | 'getUi' | 'openById' | 'openByUrl'
> {
  readonly Attribute = Attribute as unknown as typeof GoogleAppsScript.Document.Attribute;
  readonly ElementType = ElementType as unknown as typeof GoogleAppsScript.Document.ElementType;
  readonly GlyphType = GlyphType as unknown as typeof GoogleAppsScript.Document.GlyphType;
  readonly HorizontalAlignment =
    HorizontalAlignment as unknown as typeof GoogleAppsScript.Document.HorizontalAlignment;
  readonly ParagraphHeading =
    ParagraphHeading as unknown as typeof GoogleAppsScript.Document.ParagraphHeading;
  readonly PositionedLayout =
    PositionedLayout as unknown as typeof GoogleAppsScript.Document.PositionedLayout;
  readonly TextAlignment =
    TextAlignment as unknown as typeof GoogleAppsScript.Document.TextAlignment;
  readonly VerticalAlignment =
    VerticalAlignment as unknown as typeof GoogleAppsScript.Document.VerticalAlignment;
  readonly FontFamily = FontFamily as unknown as typeof GoogleAppsScript.Document.FontFamily;

  constructor(
    private readonly store: DriveStore,
    private readonly log: CallLog,
    private readonly render: { pdf: (model: DocModel) => Uint8Array },
  ) {
    return tracked(this, log, 'DocumentApp', 'DocumentApp');
  }

  /** A new Doc in the root of My Drive, with Google's defaults (Letter, 72 pt margins, Arial 11). */
  create(name: string): never {
    const title = String(name);
    if (title === '') throw new Error('Invalid argument: name');
    const e = this.store.createEntry({
      name: title,
      mimeType: DOC_MIME,
      appCreated: true,
      content: emptyDocModel('', title),
    });
    return this._open(e.id);
  }

  /** Any Doc the user may read in Drive (the documents scope is not limited to the app's files). */
  openById(id: string): never {
    const e = this.store.entry(String(id));
    if (!e || e.mimeType !== DOC_MIME || !this.store.can(e.id, 'reader')) throw new Error(MISSING);
    return this._open(e.id);
  }

  openByUrl(url: string): never {
    const s = String(url);
    const m = /\/d\/([A-Za-z0-9_-]+)/.exec(s) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(s);
    if (!m) throw new Error('Invalid argument: url');
    return this.openById(m[1]);
  }

  /** The add-on runs from a spreadsheet: there is no active document. */
  getActiveDocument(): never {
    return null as never;
  }

  getUi(): never {
    throw new Error('Cannot call DocumentApp.getUi() from this context.');
  }

  private _open(id: string): never {
    const session = new DocSession(
      this.store,
      this.log,
      id,
      this.store.readModel(id),
      this.render.pdf,
      !this.store.can(id, 'writer'),
    );
    return new Document(session) as never;
  }
}

/**
 * DocumentApp over the local Drive. Documents opened here are saved by saveAndClose() or by
 * `store.flushOpenDocuments()`, which the runtime calls when an entry point returns. The
 * renderer is also registered on the store for Drive.Files.export.
 */
export function createDocumentApp(
  store: DriveStore,
  log: CallLog,
  render: { pdf: (model: DocModel) => Uint8Array },
): GoogleAppsScript.Document.DocumentApp {
  store.setPdfRenderer(render.pdf);
  return new DocumentAppService(
    store,
    log,
    render,
  ) as unknown as GoogleAppsScript.Document.DocumentApp;
}
