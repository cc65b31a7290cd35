/**
 * Writes the built-in template (core/memo/builtin-template) into a new Google Doc: the requests
 * come from the core (builtin-template-requests) and go in one documents.batchUpdate, page
 * layout, pinned header row and keep-with-next included.
 */
import type { BlockSpec } from '../core/memo/builtin-template';
import { builtinTemplateRequests } from '../core/memo/builtin-template-requests';
import type { DigitStyle } from '../core/thai/digits';
import { batchUpdate } from './docs-api';

/** `docId` is a new, empty Doc (as Drive creates it). */
export function writeBuiltinTemplate(docId: string, blocks: BlockSpec[], digits: DigitStyle): void {
  batchUpdate(docId, builtinTemplateRequests(blocks, digits));
}
