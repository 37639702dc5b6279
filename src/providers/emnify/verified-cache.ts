// A bounded cache of JWTs whose signature and fixed claims were verified once; times are re-checked on every use.

/** What a successful jose verification established about one token; none of it depends on the clock. */
export interface VerifiedEntry {
  use: string;
  worldId: string;
  /** The signing key it was verified with: a world's new key (after a reset) must not accept what the old one signed. */
  keyId: string;
  /** The whole verified payload (never handed out; readers copy what they need). */
  payload: Readonly<Record<string, unknown>>;
  iat: number;
  exp: number;
  nbf: number | undefined;
}

export interface VerifiedCache {
  get(token: string): VerifiedEntry | undefined;
  set(token: string, entry: VerifiedEntry): void;
  delete(token: string): void;
}

export const DEFAULT_VERIFIED_CACHE_SIZE = 10_000;

/** Insertion-ordered Map; when full, the oldest entry goes first (simple FIFO eviction). */
export function createVerifiedCache(maxEntries: number = DEFAULT_VERIFIED_CACHE_SIZE): VerifiedCache {
  const entries = new Map<string, VerifiedEntry>();
  return {
    get: (token) => entries.get(token),
    set(token, entry) {
      if (!entries.has(token) && entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(token, entry);
    },
    delete: (token) => void entries.delete(token),
  };
}
