import { markedUpDocument } from '../../suggestions';
import { Blob } from '../blob';
import { tracked } from '../calls';
import { wrap } from './element';
import type { DocSession } from './session';
import { indexTree, markSection, newParagraph } from './tree';

/**
 * DocumentApp's Document over a DocSession. getAs/getBlob export what Drive has saved, like
 * Google: call saveAndClose() first or the PDF misses this run's edits.
 */
export class Document implements Pick<
  GoogleAppsScript.Document.Document,
  | 'addFooter'
  | 'addHeader'
  | 'getAs'
  | 'getBlob'
  | 'getBody'
  | 'getCursor'
  | 'getFooter'
  | 'getHeader'
  | 'getId'
  | 'getName'
  | 'getSelection'
  | 'getUrl'
  | 'saveAndClose'
  | 'setName'
> {
  constructor(readonly _s: DocSession) {
    return tracked(this, _s.log, 'DocumentApp', 'Document');
  }

  getId(): string {
    return this._s.id;
  }

  getName(): string {
    return this._s.store.entry(this._s.id)?.name ?? this._s.model.title;
  }

  /** Renaming is a Drive operation: it takes effect at once, saved or not. */
  setName(name: string): never {
    this._s.checkOpen();
    const value = String(name);
    this._s.store.patch(this._s.id, { name: value });
    this._s.model.title = value;
    return this as never;
  }

  getUrl(): string {
    return `https://docs.google.com/open?id=${this._s.id}`;
  }

  getBody(): never {
    return wrap(this._s, this._s.model.body) as never;
  }

  getHeader(): never {
    return (this._s.model.header ? wrap(this._s, this._s.model.header) : null) as never;
  }

  getFooter(): never {
    return (this._s.model.footer ? wrap(this._s, this._s.model.footer) : null) as never;
  }

  addHeader(): never {
    this._s.checkOpen();
    if (this._s.model.header) throw new Error('Document already has a header.');
    const header = [newParagraph()];
    markSection(header, 'header');
    indexTree(header);
    this._s.model.header = header;
    return wrap(this._s, header) as never;
  }

  addFooter(): never {
    this._s.checkOpen();
    if (this._s.model.footer) throw new Error('Document already has a footer.');
    const footer = [newParagraph()];
    markSection(footer, 'footer');
    indexTree(footer);
    this._s.model.footer = footer;
    return wrap(this._s, footer) as never;
  }

  /** Scripts running outside the Docs editor have no cursor or selection. */
  getCursor(): never {
    return null as never;
  }

  getSelection(): never {
    return null as never;
  }

  saveAndClose(): void {
    this._s.saveAndClose();
  }

  getAs(contentType: string): never {
    if (contentType !== 'application/pdf') {
      throw new Error(
        `Converting from application/vnd.google-apps.document to ${contentType} is not supported.`,
      );
    }
    const saved = this._s.store.readModel(this._s.id);
    const pdf = this._s.renderPdf(markedUpDocument(saved));
    return new Blob(this._s.log, pdf, 'application/pdf', `${this.getName()}.pdf`) as never;
  }

  /** A Google Doc's blob is its PDF. */
  getBlob(): never {
    return this.getAs('application/pdf');
  }
}
