import { tracked } from '../calls';
import { realmArray } from '../../load-bundle';
import type { SheetsContext } from './context';

type RTV = GoogleAppsScript.Spreadsheet.RichTextValue;
type RTVB = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;

/**
 * Rich text reduced to what xlsx and the add-on need: the text and one link for the whole cell.
 * Per-run styles are accepted and ignored.
 */
export class RichTextValue implements Pick<
  RTV,
  'getText' | 'getLinkUrl' | 'getRuns' | 'getStartIndex' | 'getEndIndex' | 'copy'
> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly text: string,
    private readonly link: string | null,
  ) {
    return tracked(this, ctx.log, 'SpreadsheetApp', 'RichTextValue');
  }

  _parts(): { text: string; link: string | null } {
    return { text: this.text, link: this.link };
  }

  getText(): string {
    return this.text;
  }

  getLinkUrl(): string | null {
    return this.link;
  }

  getRuns(): RTV[] {
    return realmArray(this.ctx.realm, [this as unknown as RTV]);
  }

  getStartIndex(): number {
    return 0;
  }

  getEndIndex(): number {
    return this.text.length;
  }

  copy(): RTVB {
    return new RichTextValueBuilder(this.ctx, this.text, this.link) as never;
  }
}

export function isRichTextValue(value: unknown): value is RichTextValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RichTextValue)._parts === 'function'
  );
}

export class RichTextValueBuilder implements Pick<
  RTVB,
  'build' | 'setText' | 'setLinkUrl' | 'setTextStyle'
> {
  constructor(
    private readonly ctx: SheetsContext,
    private text = '',
    private link: string | null = null,
  ) {
    return tracked(this, ctx.log, 'SpreadsheetApp', 'RichTextValueBuilder');
  }

  build(): RTV {
    return new RichTextValue(this.ctx, this.text, this.link) as never;
  }

  setText(text: string): RTVB {
    this.text = String(text);
    return this as never;
  }

  /** setLinkUrl(url) or setLinkUrl(start, end, url): either way the link covers the cell. */
  setLinkUrl(...args: unknown[]): RTVB {
    const url = args.length >= 3 ? args[2] : args[0];
    this.link = url === null || url === undefined ? null : String(url);
    return this as never;
  }

  setTextStyle(..._args: unknown[]): RTVB {
    return this as never;
  }
}
