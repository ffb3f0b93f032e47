import type { ApiError } from '../api';

/** A refusal of the API as a line the screen reader announces. */
export function ErrorLine({ error }: { error?: ApiError }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error.reason}
    </p>
  );
}
