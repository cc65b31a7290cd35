/**
 * Bytes as Apps Script takes and gives them (Utilities.newBlob, Blob.getBytes): a plain array of
 * Java-style signed bytes (-128…127), not a Uint8Array.
 */
export function toSignedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] > 127 ? bytes[i] - 256 : bytes[i];
  return out;
}
