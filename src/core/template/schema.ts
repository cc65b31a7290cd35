/**
 * What a template may name: every placeholder with its kind and a Thai description for
 * staff. The same schema checks a template before filling and writes the placeholder
 * reference in the docs, so the two cannot disagree.
 */
import { placeholderKey } from './tags';

export type FieldKind = 'text' | 'flag' | 'image' | 'list';

export interface Field {
  name: string;
  kind: FieldKind;
  /** Thai, for the placeholder reference. */
  description: string;
  /** An example value, for the reference. */
  example?: string;
  /** The fields of each item, for lists. */
  item?: Field[];
  /**
   * An image anchored to the paragraph its placeholder stands in (a PositionedImage), so it may
   * stand among text: the Garuda on the title's line.
   */
  anchored?: boolean;
}

export type Schema = Field[];

/** A value the filler can insert. Text is inserted literally, never read as a template. */
export interface ImageValue {
  kind: 'image';
  /** The image's bytes: PNG unless `mimeType` says JPEG. */
  png: Uint8Array;
  mimeType?: 'image/png' | 'image/jpeg';
  /** Display size in pixels. */
  width: number;
  height: number;
  altTitle: string;
  /** Anchored to the paragraph at these offsets instead of inline (PositionedImage). */
  anchor?: ImageAnchor;
}

/**
 * Where an anchored image goes: points from the paragraph's left edge and top (negative: above
 * it), in front of the text so the paragraph keeps its own layout.
 */
export interface ImageAnchor {
  left: number;
  top: number;
}

export type Value = string | boolean | ImageValue | Scope[] | null | undefined;

export interface Scope {
  [name: string]: Value;
}

export function isImageValue(v: Value): v is ImageValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'image';
}

/** Scopes from the outermost (the document) to the innermost (the current list item). */
export function lookup(scopes: readonly Scope[], key: string): Value {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    if (Object.prototype.hasOwnProperty.call(scope, key)) return scope[key];
  }
  return undefined;
}

/** Re-keys a scope built with display names so look-ups by `placeholderKey` find them. */
export function keyed(scope: Scope): Scope {
  const out: Scope = {};
  for (const name of Object.keys(scope)) {
    const v = scope[name];
    out[placeholderKey(name)] = Array.isArray(v) ? v.map(keyed) : v;
  }
  return out;
}

/** Looks a name up through nested list schemas, innermost first. */
export function findField(schemas: readonly Schema[], key: string): Field | undefined {
  for (let i = schemas.length - 1; i >= 0; i--) {
    const f = schemas[i].find((field) => placeholderKey(field.name) === key);
    if (f) return f;
  }
  return undefined;
}

/** All names visible from a scope, for "did you mean" suggestions. */
export function visibleNames(schemas: readonly Schema[]): string[] {
  const names: string[] = [];
  for (const s of schemas) for (const f of s) names.push(f.name);
  return names;
}
