/** Default size of the byte chunks the writers emit. */
export const DEFAULT_CHUNK_BYTES = 64 * 1024;

/**
 * Joins text pieces into byte chunks of about `chunkBytes`, so a sink gets few large writes
 * instead of one per row. Pieces are measured in characters, which equals bytes for ASCII.
 */
export async function* encodeTextChunks(
  pieces: AsyncIterable<string> | Iterable<string>,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let pending = '';
  for await (const piece of pieces) {
    pending += piece;
    if (pending.length >= chunkBytes) {
      yield encoder.encode(pending);
      pending = '';
    }
  }
  if (pending.length > 0) yield encoder.encode(pending);
}
