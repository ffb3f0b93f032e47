import { isNonEmptyText, Problems, problems } from './values';

/**
 * A photo by digest: the image itself travels through the formal channel (or is shown at a meeting),
 * never in a message, so what both sides exchange is enough to tell that they hold the same picture.
 */
export interface PhotoDigest {
  /** SHA-256 of the image file, 64 lower-case hex digits. */
  readonly sha256: string;
  /** The image's media type, e.g. `image/jpeg`. */
  readonly mediaType: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const MEDIA_TYPE = /^image\/[a-z0-9][a-z0-9.+-]{0,62}$/;
/** A phone number as given: digits with an optional leading `+` and the usual separators. */
const PHONE_NUMBER = /^\+?[0-9][0-9 ().-]{2,30}$/;

export const isPhoneNumber = (value: unknown): value is string =>
  typeof value === 'string' && PHONE_NUMBER.test(value);

/** The problems of a list of photos (paths `photos[<n>].sha256`, `.mediaType`), never their values. */
export const photoProblems = (path: string, photos: readonly PhotoDigest[] | undefined): Problems => {
  if (!Array.isArray(photos) || photos.length > 50) return [path];
  return photos.flatMap((photo, index) =>
    problems({
      [`${path}[${index}].sha256`]: typeof photo?.sha256 === 'string' && SHA256_HEX.test(photo.sha256),
      [`${path}[${index}].mediaType`]:
        typeof photo?.mediaType === 'string' && MEDIA_TYPE.test(photo.mediaType),
    }),
  );
};

/** The problems of a list of phone numbers (at most 20). */
export const phoneNumberProblems = (path: string, numbers: readonly string[] | undefined): Problems => {
  if (!Array.isArray(numbers) || numbers.length > 20) return [path];
  return numbers.flatMap((number, index) => (isPhoneNumber(number) ? [] : [`${path}[${index}]`]));
};

/** Optional free text: absent, or non-blank within `max`. */
export const isOptionalText = (value: unknown, max: number): boolean =>
  value === undefined || isNonEmptyText(value, max);
