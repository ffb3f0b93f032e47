/**
 * The port says readStream throws StreamNotFoundError for an empty stream, but does not export the class
 * yet; recognise it by name (or a STREAM_NOT_FOUND code) so any adapter's error qualifies.
 * TODO(lead): switch to `instanceof StreamNotFoundError` once @xb/event-store exports it.
 */
export function isStreamNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'StreamNotFoundError' || code === 'STREAM_NOT_FOUND';
}
