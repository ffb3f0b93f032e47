/** How far a long verification is, reported once per page. */
export interface VerifyProgress {
  readonly eventsDone: number;
  /** Position of the last event checked. */
  readonly position: bigint;
  readonly endPosition: bigint;
  readonly eventsPerSecond: number;
  /**
   * Estimated from how far the position has moved between the first and the end position: exact when
   * positions are contiguous (SQLite), an estimate otherwise (EventStoreDB positions are log offsets).
   */
  readonly secondsLeft: number;
}

export function progressOf(
  eventsDone: number,
  startedAt: number,
  now: number,
  span: { first: bigint; position: bigint; end: bigint },
): VerifyProgress {
  const seconds = Math.max(now - startedAt, 1) / 1000;
  const total = Number(span.end - span.first) + 1;
  const done = Number(span.position - span.first) + 1;
  const fraction = total > 0 ? Math.min(done / total, 1) : 1;
  return {
    eventsDone,
    position: span.position,
    endPosition: span.end,
    eventsPerSecond: eventsDone / seconds,
    secondsLeft: fraction > 0 ? (seconds * (1 - fraction)) / fraction : 0,
  };
}
