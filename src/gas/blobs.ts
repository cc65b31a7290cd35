/** Apps Script blobs take signed bytes (-128…127). */
export function bytesForBlob(data: Uint8Array): GoogleAppsScript.Byte[] {
  const out: number[] = new Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i] > 127 ? data[i] - 256 : data[i];
  return out;
}
