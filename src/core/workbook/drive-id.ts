/**
 * The Drive file or folder ID in what staff paste: a Docs/Drive URL or the bare ID.
 * Returns null for anything else (a name, a local path, a link to another site).
 */
export function parseDriveId(text: string | null): string | null {
  if (!text) return null;
  const t = text.trim();
  const url =
    /^https:\/\/(?:docs|drive)\.google\.com\/[^\s]*?(?:\/d\/|\/folders\/|[?&]id=)([A-Za-z0-9_-]{10,})/.exec(
      t,
    );
  if (url) return url[1];
  return /^[A-Za-z0-9_-]{20,}$/.test(t) ? t : null;
}
