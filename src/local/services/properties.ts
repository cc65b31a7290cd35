import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tracked, type CallLog } from './calls';
import { realmError, type Realm } from '../load-bundle';

type P = GoogleAppsScript.Properties.Properties;

/** Where one property store lives. */
export interface PropertyStore {
  read(): Record<string, string>;
  write(all: Record<string, string>): void;
}

/**
 * A JSON file, read on every access and replaced atomically on every write, so separate CLI runs
 * (and other processes) see each other's properties as Apps Script executions do.
 */
export class JsonFileStore implements PropertyStore {
  constructor(readonly path: string) {}

  read(): Record<string, string> {
    if (!existsSync(this.path)) return {};
    const data = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, string>;
    return typeof data === 'object' && data !== null ? data : {};
  }

  write(all: Record<string, string>): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(all, null, 2)}\n`);
    renameSync(tmp, this.path);
  }
}

export class MemoryStore implements PropertyStore {
  private data: Record<string, string> = {};

  read(): Record<string, string> {
    return { ...this.data };
  }

  write(all: Record<string, string>): void {
    this.data = { ...all };
  }
}

/** Apps Script's quotas: 9 KB per value, 500 KB per property store. */
const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

export class Properties implements Pick<
  P,
  | 'getProperty'
  | 'setProperty'
  | 'setProperties'
  | 'getProperties'
  | 'getKeys'
  | 'deleteProperty'
  | 'deleteAllProperties'
> {
  constructor(
    log: CallLog,
    kind: string,
    private readonly store: PropertyStore,
    private readonly realm: Realm,
  ) {
    return tracked(this, log, 'PropertiesService', kind);
  }

  getProperty(key: string): string | null {
    return this.store.read()[String(key)] ?? null;
  }

  /** Values are stored as strings, as Apps Script does with whatever it is given. */
  setProperty(key: string, value: string): P {
    return this.update((all) => {
      all[String(key)] = String(value);
    });
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): P {
    return this.update((all) => {
      if (deleteAllOthers) for (const k of Object.keys(all)) delete all[k];
      for (const [k, v] of Object.entries(properties)) all[k] = String(v);
    });
  }

  getProperties(): { [key: string]: string } {
    return this.store.read();
  }

  getKeys(): string[] {
    return this.realm.Array.from(Object.keys(this.store.read()));
  }

  deleteProperty(key: string): P {
    return this.update((all) => {
      delete all[String(key)];
    });
  }

  deleteAllProperties(): P {
    return this.update((all) => {
      for (const k of Object.keys(all)) delete all[k];
    });
  }

  private update(change: (all: Record<string, string>) => void): P {
    const all = this.store.read();
    change(all);
    for (const v of Object.values(all)) {
      if (Buffer.byteLength(v) > MAX_VALUE_BYTES)
        throw realmError(this.realm, 'Argument too large: value');
    }
    if (Buffer.byteLength(JSON.stringify(all)) > MAX_STORE_BYTES) {
      throw realmError(
        this.realm,
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.store.write(all);
    return this as never;
  }
}

export interface PropertyStores {
  document: PropertyStore;
  user: PropertyStore;
  script: PropertyStore;
}

export class PropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getDocumentProperties' | 'getUserProperties' | 'getScriptProperties'
> {
  constructor(
    private readonly log: CallLog,
    private readonly stores: PropertyStores,
    private readonly realm: Realm,
  ) {
    return tracked(this, log, 'PropertiesService', 'PropertiesService');
  }

  getDocumentProperties(): P {
    return new Properties(
      this.log,
      'DocumentProperties',
      this.stores.document,
      this.realm,
    ) as never;
  }

  getUserProperties(): P {
    return new Properties(this.log, 'UserProperties', this.stores.user, this.realm) as never;
  }

  getScriptProperties(): P {
    return new Properties(this.log, 'ScriptProperties', this.stores.script, this.realm) as never;
  }
}
