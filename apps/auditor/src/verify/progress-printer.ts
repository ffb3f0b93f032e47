import type { VerifyProgress } from '@xb/audit';

/** Print at most every this many ms … */
export const PROGRESS_EVERY_MS = 2000;
/** … or every this many events, whichever comes first. */
export const PROGRESS_EVERY_EVENTS = 10_000;

/**
 * A throttled progress line for long verifications: `verify` calls back once per page; this prints when
 * 2 s or 10,000 events have passed since the last line (never for a short run that ends within both).
 */
export function progressPrinter(
  write: (line: string) => void,
  clock: () => number = Date.now,
): (progress: VerifyProgress) => void {
  let lastAt = clock();
  let lastEvents = 0;
  return (progress) => {
    const now = clock();
    if (now - lastAt < PROGRESS_EVERY_MS && progress.eventsDone - lastEvents < PROGRESS_EVERY_EVENTS) return;
    lastAt = now;
    lastEvents = progress.eventsDone;
    write(progressLine(progress));
  };
}

export function progressLine(p: VerifyProgress): string {
  return (
    `verify: ${p.eventsDone.toLocaleString('en')} events, position ${p.position} of ${p.endPosition}, ` +
    `${Math.round(p.eventsPerSecond).toLocaleString('en')} events/s, about ${duration(p.secondsLeft)} left`
  );
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
