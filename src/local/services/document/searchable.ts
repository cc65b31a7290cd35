import { ElementBase } from './element';
import { findElementIn, findTextIn, replaceTextIn } from './search';

/**
 * The elements Apps Script lets a script search and replace in (sections, cells, paragraphs,
 * list items, tables): findText and replaceText with RE2 patterns, findElement by type.
 */
export abstract class SearchableElement extends ElementBase {
  findText(searchPattern: string, from?: GoogleAppsScript.Document.RangeElement | null): never {
    return findTextIn(this._s, this._n, searchPattern, from);
  }

  findElement(
    elementType: GoogleAppsScript.Document.ElementType,
    from?: GoogleAppsScript.Document.RangeElement | null,
  ): never {
    return findElementIn(this._s, this._n, elementType, from);
  }

  replaceText(searchPattern: string, replacement: string): never {
    this._edit();
    replaceTextIn(this._n, searchPattern, replacement);
    return this as never;
  }
}
