/**
 * One page of a Drive list. Drive's page tokens are opaque; here they carry the offset of the next
 * page, marked with the list they belong to, so a token from elsewhere is refused with Drive's
 * `Invalid Value`. `pageSize` outside [1, max] fails as Drive answers it.
 */
import { badRequest } from './errors';

export function onePage<T>(
  method: string,
  list: string,
  all: readonly T[],
  args: Record<string, unknown>,
  sizes: { default: number; max: number },
): { items: T[]; nextPageToken?: string } {
  const pageSize = args.pageSize === undefined ? sizes.default : Number(args.pageSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > sizes.max) {
    throw badRequest(
      method,
      `Invalid value '${String(args.pageSize)}'. Values must be within the range: [1, ${sizes.max}]`,
    );
  }
  const offset = decodeToken(method, list, args.pageToken);
  const items = all.slice(offset, offset + pageSize);
  return offset + pageSize < all.length
    ? {
        items,
        nextPageToken: Buffer.from(`~!!~${list}:${offset + pageSize}`).toString('base64url'),
      }
    : { items };
}

function decodeToken(method: string, list: string, token: unknown): number {
  if (token === undefined || token === null || token === '') return 0;
  const m = new RegExp(`^~!!~${list}:(\\d+)$`).exec(
    Buffer.from(String(token), 'base64url').toString(),
  );
  if (!m) throw badRequest(method, 'Invalid Value');
  return Number(m[1]);
}
