import { tracked, type CallLog } from './calls';
import { realmError, type Realm } from '../load-bundle';
import type { Clock } from './utilities/clock';

type C = GoogleAppsScript.Cache.Cache;

/** Apps Script's limits: keys up to 250 characters, values up to 100 KB, 6 hours at most. */
const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const DEFAULT_EXPIRATION_S = 600;
const MAX_EXPIRATION_S = 21_600;

interface Entry {
  value: string;
  expires: number;
}

/** One cache's entries; shared by every Cache object the service hands out for it. */
export type CacheStore = Map<string, Entry>;

/** CacheService's Cache, in memory, expiring on the runtime clock (so Utilities.sleep ages it). */
export class Cache implements Pick<
  C,
  'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'
> {
  constructor(
    log: CallLog,
    private readonly entries: CacheStore,
    private readonly clock: Clock,
    private readonly realm: Realm,
  ) {
    return tracked(this, log, 'CacheService', 'Cache');
  }

  get(key: string): string | null {
    const e = this.entries.get(this.checkKey(key));
    if (!e) return null;
    if (e.expires <= this.clock.now().getTime()) {
      this.entries.delete(key);
      return null;
    }
    return e.value;
  }

  getAll(keys: string[]): { [key: string]: string } {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds = DEFAULT_EXPIRATION_S): void {
    const text = String(value);
    if (Buffer.byteLength(text) > MAX_VALUE_BYTES)
      throw realmError(this.realm, 'Argument too large: value');
    const seconds = Math.min(Math.max(Number(expirationInSeconds), 1), MAX_EXPIRATION_S);
    this.entries.set(this.checkKey(key), {
      value: text,
      expires: this.clock.now().getTime() + seconds * 1000,
    });
  }

  putAll(values: { [key: string]: string }, expirationInSeconds = DEFAULT_EXPIRATION_S): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }

  remove(key: string): void {
    this.entries.delete(this.checkKey(key));
  }

  removeAll(keys: string[]): void {
    for (const k of keys) this.remove(k);
  }

  private checkKey(key: string): string {
    const k = String(key);
    if (k.length > MAX_KEY_LENGTH) throw realmError(this.realm, 'Argument too large: key');
    return k;
  }
}

export class CacheService implements Pick<
  GoogleAppsScript.Cache.CacheService,
  'getDocumentCache' | 'getUserCache' | 'getScriptCache'
> {
  private readonly stores = { document: new Map(), user: new Map(), script: new Map() } as Record<
    'document' | 'user' | 'script',
    CacheStore
  >;

  constructor(
    private readonly log: CallLog,
    private readonly clock: Clock,
    private readonly realm: Realm,
  ) {
    return tracked(this, log, 'CacheService', 'CacheService');
  }

  getDocumentCache(): C {
    return new Cache(this.log, this.stores.document, this.clock, this.realm) as never;
  }

  getUserCache(): C {
    return new Cache(this.log, this.stores.user, this.clock, this.realm) as never;
  }

  getScriptCache(): C {
    return new Cache(this.log, this.stores.script, this.clock, this.realm) as never;
  }
}
