import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
// gas-local ships no types; its one export we use is typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gasLocal = require('gas-local') as {
  require(
    folder: string,
    globals: object,
    options: { filter: (file: string) => boolean },
  ): Record<string, unknown>;
};

/**
 * The built-ins of one JavaScript realm. The bundle runs in its own vm context, so a Date or an
 * array made by Node is foreign there (`instanceof Date` is false). Apps Script hands scripts
 * values of the script's own realm, so services create dates, arrays and errors through this.
 */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
}

export const nodeRealm: Realm = { Date, Array, Error, Object };

/** A Date in `realm` for the same instant as `time` (a Date of any realm or epoch milliseconds). */
export function realmDate(realm: Realm, time: Date | number): Date {
  return new realm.Date(typeof time === 'number' ? time : time.getTime());
}

/** Copies `items` into an array of `realm`. */
export function realmArray<T>(realm: Realm, items: readonly T[]): T[] {
  return realm.Array.from(items);
}

export function realmError(realm: Realm, message: string): Error {
  return new realm.Error(message);
}

/** A plain object of `realm` with `props` (event objects the bundle receives). */
export function realmObject<T extends object>(realm: Realm, props: T): T {
  return realm.Object.assign(new realm.Object(), props) as T;
}

/** Dates from any realm (a vm Date fails `instanceof Date` in Node and vice versa). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A fresh vm context for one load of the bundle, with the realm its code will see. */
export interface BundleContext {
  /** The context's global object: put the emulated services on it before loading. */
  globals: Record<string, unknown>;
  realm: Realm;
}

export function createBundleContext(now?: () => number): BundleContext {
  // A fresh object every time: gas-local's default mock is shared between loads and gets polluted.
  const globals: Record<string, unknown> = {};
  vm.createContext(globals);
  const realm = vm.runInContext(
    '({ Date: Date, Array: Array, Error: Error, Object: Object })',
    globals,
  ) as Realm;
  if (now) followClock(globals, now);
  return { globals, realm };
}

/**
 * Makes the bundle's `new Date()` and `Date.now()` read the runtime clock, so runs at a given
 * time are reproducible. Dates made any other way are still Dates (`instanceof Date` holds).
 */
function followClock(globals: Record<string, unknown>, now: () => number): void {
  const install = vm.runInContext(
    `(function (now) {
      var RealDate = Date;
      function ClockDate() {
        var args = Array.prototype.slice.call(arguments);
        if (!new.target) return new RealDate(now()).toString();
        return args.length === 0 ? new RealDate(now()) : new (Function.prototype.bind.apply(RealDate, [null].concat(args)))();
      }
      ClockDate.prototype = RealDate.prototype;
      ClockDate.now = function () { return now(); };
      ClockDate.parse = RealDate.parse;
      ClockDate.UTC = RealDate.UTC;
      Object.defineProperty(ClockDate, Symbol.hasInstance, { value: function (x) { return x instanceof RealDate; } });
      Date = ClockDate;
    })`,
    globals,
  ) as (now: () => number) => void;
  install(now);
}

/**
 * Loads `<buildDir>/Code.js` into `context` with gas-local and returns the context, on which the
 * bundle's top-level `function` and `var` declarations (its entry points) appear.
 * gas-local walks a whole folder; the filter keeps exactly Code.js so stray files in the build
 * folder never run.
 */
export function loadBundle(buildDir: string, context: BundleContext): Record<string, unknown> {
  const dir = resolve(buildDir);
  const code = join(dir, 'Code.js');
  if (!existsSync(code))
    throw new Error(`No bundle at ${code}: run \`node scripts/build.mjs\` first.`);
  // vm.createContext returns an already contextified object unchanged, so gas-local runs the code in
  // the context (and realm) the services were made for.
  return gasLocal.require(dir, context.globals, { filter: (file) => resolve(file) === code });
}
