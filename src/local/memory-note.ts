/**
 * What ITAMEMO_TIMING prints after each phase: the process's resident memory (all threads, so
 * the same figure in every thread) and the calling thread's own V8 heap, used/allocated.
 */
export function memoryNote(): string {
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  return ` (rss ${mb(rss)} MB, heap ${mb(heapUsed)}/${mb(heapTotal)} MB)`;
}
