/**
 * The comments reviewers made on a memo Doc, read with Drive v3 Comments.list: one call per page
 * of 100, so one call per memo in practice. `fields` is mandatory for comments ("For all methods
 * (excluding delete) on the comments resource, you must set the fields system parameter",
 * https://developers.google.com/workspace/drive/api/guides/manage-comments); comments.list takes
 * no supportsAllDrives parameter. Under drive.file only the Docs this user's add-on made (or they
 * picked) can be read: another person's memo answers null.
 */
import { drive } from './drive';
import { isNotFound, withBackoff } from './google-errors';

export interface Reply {
  author: string;
  content: string;
  action?: string;
}

export interface DocComment {
  id: string;
  author: string;
  email: string;
  content: string;
  /** The text the comment is anchored to ('' for a comment on the whole Doc). */
  quoted: string;
  resolved: boolean;
  replies: Reply[];
}

interface ApiUser {
  displayName?: string;
  emailAddress?: string;
}

interface ApiComment {
  id?: string;
  author?: ApiUser;
  content?: string;
  quotedFileContent?: { value?: string };
  resolved?: boolean;
  deleted?: boolean;
  replies?: { author?: ApiUser; content?: string; action?: string; deleted?: boolean }[];
}

const FIELDS =
  'comments(id,author(displayName,emailAddress),content,quotedFileContent(value),resolved,deleted,' +
  'replies(author(displayName,emailAddress),content,action,deleted)),nextPageToken';

const who = (u: ApiUser | undefined) => u?.displayName || u?.emailAddress || '';

/** Every comment of the Doc that is not deleted, or null when this user's add-on cannot reach it. */
export function listComments(docId: string): DocComment[] | null {
  const out: DocComment[] = [];
  let pageToken: string | undefined;
  try {
    do {
      const page = withBackoff(
        () =>
          drive().Comments.list(docId, { fields: FIELDS, pageSize: 100, pageToken }) as {
            comments?: ApiComment[];
            nextPageToken?: string;
          },
      );
      for (const c of page.comments ?? []) {
        if (c.deleted) continue;
        out.push({
          id: c.id ?? '',
          author: who(c.author),
          email: c.author?.emailAddress ?? '',
          content: c.content ?? '',
          quoted: c.quotedFileContent?.value ?? '',
          resolved: c.resolved === true,
          replies: (c.replies ?? [])
            .filter((r) => !r.deleted && (r.content || r.action))
            .map((r) => ({
              author: who(r.author),
              content: r.content ?? '',
              ...(r.action ? { action: r.action } : {}),
            })),
        });
      }
      pageToken = page.nextPageToken;
    } while (pageToken);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
  return out;
}

/** Open and resolved comments. */
export function countComments(comments: readonly DocComment[]): { open: number; resolved: number } {
  const open = comments.filter((c) => !c.resolved).length;
  return { open, resolved: comments.length - open };
}

/**
 * A link that opens the Doc at the comment. Assumption: the `disco` parameter is not documented;
 * it is what Google's own comment notification e-mails link to (…/edit?disco=<comment id>).
 */
export function commentLink(docId: string, commentId: string): string {
  return `https://docs.google.com/document/d/${docId}/edit?disco=${encodeURIComponent(commentId)}`;
}
