/**
 * Seals and opens the particulars of event data (the rule: libs/domain/src/shared/particulars.ts). A
 * sealed particular is `{ $sealed: <key id>, box: <base64 AES-256-GCM> }`; a sealed person record also
 * keeps its statistical fields (PERSON_STATISTICAL_FIELDS, the year of birth) and `record: "person"`,
 * and its accompanying children are sealed each with their own key. It keeps no blind index of its names:
 * the store is append-only, so an index written beside the ciphertext would outlive the person's erasure
 * (records sealed before this carry `nameIndex`; nothing reads it). Key ids:
 * `person:<personId>` for a person record that has its reference, else `case:<case id>` (free text and
 * persons recorded without one).
 */
import {
  PERSON_STATISTICAL_FIELDS,
  isPersonRecord,
  mapParticulars,
  type PersonParticulars,
} from '@xb/domain';
import { hmacBlindIndexer, nameIndex as indexOfName, type BlindIndexer } from '@xb/persons';
import { seal, unseal, type KeyManagement } from './key-management';
import type { KeyStore } from './key-store';

export const SEALED = '$sealed';

export interface SealedParticular {
  readonly $sealed: string;
  readonly box: string;
  /** `person` on a sealed person record (so an erased one keeps a person's shape). */
  readonly record?: 'person';
  /** Blind indexes of the names: only in records sealed before erasure reached indexes (never read). */
  readonly nameIndex?: readonly string[];
  readonly [residue: string]: unknown;
}

/** What stands in for a particular whose key was destroyed. */
export const ERASED = '[erased]';

export const isSealed = (value: unknown): value is SealedParticular =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { $sealed?: unknown }).$sealed === 'string' &&
  typeof (value as { box?: unknown }).box === 'string';

/** Where a particular is sealed: the case it belongs to (correlation id) and that case's category. */
export interface SealContext {
  readonly caseId: string;
  readonly category: string;
  readonly at: string;
}

export class ParticularsCodec {
  private indexer?: Promise<BlindIndexer>;

  constructor(
    readonly keys: KeyStore,
    private readonly kms: KeyManagement,
  ) {}

  /** `data` with every particular sealed (already sealed ones are left as they are). */
  async seal(data: unknown, context: SealContext): Promise<unknown> {
    const pending: Promise<void>[] = [];
    const slots = new Map<object, unknown>();
    const mapped = mapParticulars(data, (particular, _path, kind) => {
      const slot = {};
      pending.push(
        (kind === 'person'
          ? this.sealPerson(particular as PersonParticulars, context)
          : this.sealText(particular as string | string[], context)
        ).then((sealed) => void slots.set(slot, sealed)),
      );
      return slot;
    });
    if (pending.length === 0) return data;
    await Promise.all(pending);
    return replaceSlots(mapped, slots);
  }

  /** `data` with every sealed particular opened; one whose key was destroyed reads as erased. */
  async open(data: unknown): Promise<unknown> {
    if (!containsSealed(data)) return data;
    const walk = async (node: unknown): Promise<unknown> => {
      if (isSealed(node)) return this.openOne(node);
      if (Array.isArray(node)) return Promise.all(node.map(walk));
      if (typeof node !== 'object' || node === null) return node;
      const entries = await Promise.all(
        Object.entries(node).map(async ([k, v]) => [k, await walk(v)] as const),
      );
      return Object.fromEntries(entries);
    };
    return walk(data);
  }

  /** The blind index of a name, as the sealed records carry it (to search a read model). */
  async nameIndexOf(name: string): Promise<string | undefined> {
    return indexOfName(await this.blindIndexer(), name);
  }

  /**
   * The node's one blind indexer, under the key management's blind-index key: the sealed records' name
   * indexes and the person register's indexes (docs/persons.md) are made by it.
   */
  blindIndexer(): Promise<BlindIndexer> {
    this.indexer ??= this.kms.blindIndexKey().then((key) => hmacBlindIndexer(key));
    return this.indexer;
  }

  private keyIdOf(person: PersonParticulars | undefined, context: SealContext): string {
    return person?.personId ? `person:${person.personId}` : `case:${context.caseId}`;
  }

  private async box(keyId: string, plain: unknown, context: SealContext): Promise<string> {
    const key = await this.keys.keyFor(keyId, context);
    if (!key) throw new ParticularsErasedError(keyId);
    return seal(key, Buffer.from(JSON.stringify(plain), 'utf8'), keyId).toString('base64');
  }

  private async sealText(text: string | readonly string[], context: SealContext): Promise<SealedParticular> {
    const keyId = this.keyIdOf(undefined, context);
    return { $sealed: keyId, box: await this.box(keyId, text, context) };
  }

  private async sealPerson(person: PersonParticulars, context: SealContext): Promise<SealedParticular> {
    const keyId = this.keyIdOf(person, context);
    const { accompanyingChildren, ...own } = person;
    const residue: Record<string, unknown> = {};
    for (const field of PERSON_STATISTICAL_FIELDS) if (own[field] !== undefined) residue[field] = own[field];
    if (own.dateOfBirth?.year !== undefined) residue.dateOfBirth = { year: own.dateOfBirth.year };
    const children =
      accompanyingChildren === undefined
        ? {}
        : {
            accompanyingChildren: await Promise.all(
              accompanyingChildren.map(async (child) => ({
                ...child,
                person: isPersonRecord(child.person)
                  ? await this.sealPerson(child.person, context)
                  : child.person,
              })),
            ),
          };
    return {
      ...residue,
      [SEALED]: keyId,
      box: await this.box(keyId, own, context),
      record: 'person',
      ...children,
    };
  }

  private async openOne(sealed: SealedParticular): Promise<unknown> {
    const {
      $sealed: keyId,
      box,
      nameIndex: _index,
      record: _record,
      accompanyingChildren,
      ...residue
    } = sealed;
    const found = await this.keys.lookup(keyId);
    const children =
      accompanyingChildren === undefined
        ? {}
        : { accompanyingChildren: await this.open(accompanyingChildren) };
    if (!found || 'erased' in found) {
      // A person record keeps its shape (the folds and the wire mapping read `name`); text reads erased.
      if (
        Object.keys(residue).length === 0 &&
        accompanyingChildren === undefined &&
        sealed.record !== 'person' &&
        !('nameIndex' in sealed)
      ) {
        return ERASED;
      }
      return {
        ...residue,
        name: { original: '', romanised: ERASED },
        identityDocuments: [],
        erased: true,
        ...children,
      };
    }
    const plain = JSON.parse(
      unseal(found.key, Buffer.from(box, 'base64'), keyId).toString('utf8'),
    ) as unknown;
    // A list (phone numbers) stays a list; a person record gets its sealed children back beside it.
    if (Array.isArray(plain)) return plain;
    return typeof plain === 'object' && plain !== null ? { ...plain, ...children } : plain;
  }
}

/** Sealing for a person or case whose key was destroyed: nothing new is recorded about an erased person. */
export class ParticularsErasedError extends Error {
  readonly code = 'PARTICULARS_ERASED';
  constructor(readonly keyId: string) {
    super(`the particulars of ${keyId} were erased: nothing more is recorded under that key`);
  }
}

/** Whether `value` holds a sealed particular anywhere (cheap pre-check before opening). */
export function containsSealed(value: unknown): boolean {
  if (isSealed(value)) return true;
  if (Array.isArray(value)) return value.some(containsSealed);
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(containsSealed);
}

function replaceSlots(value: unknown, slots: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (slots.has(value)) return slots.get(value);
  if (Array.isArray(value)) return value.map((item) => replaceSlots(item, slots));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceSlots(v, slots)]));
}
