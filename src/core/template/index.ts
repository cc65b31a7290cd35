export { placeholderKey, scanTags } from './tags';
export type { Tag, TagType } from './tags';
export { keyed, isImageValue } from './schema';
export type { Field, FieldKind, ImageAnchor, ImageValue, Schema, Scope, Value } from './schema';
export { parseTemplate, describeWhere } from './parse';
export { checkTemplate } from './check';
export { expandTemplate } from './expand';
export type * from './tree';
