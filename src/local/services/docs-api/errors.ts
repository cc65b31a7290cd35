/**
 * How the Docs API refuses a request. Google answers 400 with
 * `Invalid requests[<i>].<request type>: <reason>` and applies none of the batch; Apps Script's
 * advanced service throws that as `GoogleJsonResponseException: API call to
 * docs.documents.batchUpdate failed with error: …`. Reasons seen from Google are used verbatim
 * where known ("Index 12 must be less than the end index of the referenced segment, 10.",
 * "The range should not be empty.", "The range cannot include the newline character at the end
 * of the segment.", "The insertion index must be inside the bounds of an existing paragraph.");
 * the others state the documented rule in Google's manner and are marked as ours in the tests.
 */
import { GoogleJsonResponseException } from '../drive/errors';

/** A request Google would refuse; the batch adds `Invalid requests[i].<type>: `. */
export class RequestError extends Error {}

export function invalidRequest(index: number, type: string, reason: string): Error {
  return new GoogleJsonResponseException(
    'docs.documents.batchUpdate',
    400,
    `Invalid requests[${index}].${type}: ${reason}`,
  );
}

/** Something Google does that the local runtime does not: say so plainly. */
export function notEmulatedRequest(what: string): Error {
  return new Error(`Local Docs API: ${what} is not emulated by the local runtime.`);
}

export { GoogleJsonResponseException };
