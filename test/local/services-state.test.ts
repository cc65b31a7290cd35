import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { nodeRealm } from '../../src/local/load-bundle';
import { CacheService } from '../../src/local/services/cache';
import { CallLog } from '../../src/local/services/calls';
import { LOCK_TIMEOUT_MESSAGE, LockOwner, LockService } from '../../src/local/services/lock';
import { Logger, LogRecorder } from '../../src/local/services/logger';
import { JsonFileStore, MemoryStore, PropertiesService } from '../../src/local/services/properties';
import { FAKE_OAUTH_TOKEN, ScriptApp } from '../../src/local/services/script';
import { Session } from '../../src/local/services/session';
import { Clock } from '../../src/local/services/utilities/clock';
import { cleanupTempDirs, tempDir } from './helpers';

afterAll(cleanupTempDirs);

const log = new CallLog();

describe('PropertiesService (reference: properties/properties)', () => {
  function service(dir: string) {
    const stores = {
      document: new JsonFileStore(join(dir, 'doc.json')),
      user: new MemoryStore(),
      script: new MemoryStore(),
    };
    return new PropertiesService(
      log,
      stores,
      nodeRealm,
    ) as unknown as GoogleAppsScript.Properties.PropertiesService;
  }

  test('document properties persist in a file, visible to another instance (another run)', () => {
    const dir = tempDir();
    service(dir)
      .getDocumentProperties()
      .setProperty('folderId', 'abc')
      .setProperties({ a: '1', b: '2' });
    const again = service(dir).getDocumentProperties();
    expect(again.getProperties()).toEqual({ folderId: 'abc', a: '1', b: '2' });
    expect(again.getProperty('missing')).toBeNull();
    again.setProperties({ only: 'x' }, true);
    expect(again.getKeys()).toEqual(['only']);
    again.deleteProperty('only');
    expect(again.getProperties()).toEqual({});
  });

  test('values are stored as strings', () => {
    const props = service(tempDir()).getScriptProperties();
    props.setProperty('n', 42 as unknown as string).setProperty('b', true as unknown as string);
    expect(props.getProperties()).toEqual({ n: '42', b: 'true' });
  });

  test('the 9 KB per value quota is enforced', () => {
    const props = service(tempDir()).getUserProperties();
    expect(() => props.setProperty('big', 'x'.repeat(10 * 1024))).toThrow(
      'Argument too large: value',
    );
  });
});

describe('CacheService (reference: cache/cache)', () => {
  test('entries expire on the runtime clock', () => {
    const clock = new Clock(() => new Date('2025-10-03T00:00:00Z'));
    const caches = new CacheService(log, clock, nodeRealm);
    const cache = caches.getDocumentCache()!;
    cache.put('k', 'v', 60);
    cache.putAll({ a: '1', b: '2' });
    expect(caches.getDocumentCache()!.getAll(['k', 'a', 'zz'])).toEqual({ k: 'v', a: '1' });
    clock.advance(61_000);
    expect(cache.get('k')).toBeNull();
    expect(cache.get('a')).toBe('1'); // default 600 s
    cache.removeAll(['a', 'b']);
    expect(cache.getAll(['a', 'b'])).toEqual({});
    expect(caches.getUserCache().get('k')).toBeNull();
  });
});

describe('LockService (reference: lock/lock)', () => {
  function locks(dir: string) {
    return new LockService(
      log,
      new LockOwner(dir),
      { document: 'sheet-1', user: 'u@x' },
      nodeRealm,
    ) as unknown as GoogleAppsScript.Lock.LockService;
  }

  test('two runtimes on one state dir exclude each other; waitLock times out with Google\u2019s message', () => {
    const dir = tempDir();
    const a = locks(dir).getDocumentLock();
    const b = locks(dir).getDocumentLock();
    expect(a.tryLock(0)).toBe(true);
    expect(a.hasLock()).toBe(true);
    expect(b.tryLock(50)).toBe(false);
    expect(() => b.waitLock(50)).toThrow(LOCK_TIMEOUT_MESSAGE);
    a.releaseLock();
    expect(a.hasLock()).toBe(false);
    expect(b.tryLock(0)).toBe(true);
    b.releaseLock();
    expect(readdirSync(dir)).toEqual([]);
  });

  test('locks are re-entrant within one execution and independent between kinds', () => {
    const dir = tempDir();
    const service = locks(dir);
    const outer = service.getDocumentLock();
    const inner = service.getDocumentLock();
    expect(outer.tryLock(0)).toBe(true);
    expect(inner.tryLock(0)).toBe(true);
    inner.releaseLock();
    expect(locks(dir).getDocumentLock().tryLock(0)).toBe(false);
    expect(locks(dir).getScriptLock().tryLock(0)).toBe(true);
  });

  describe('across processes', () => {
    let bundle: string;

    beforeAll(() => {
      const root = resolve(__dirname, '../..');
      bundle = join(tempDir(), 'lock.cjs');
      buildSync({
        stdin: {
          contents: [
            "export { LockOwner, LockService } from './src/local/services/lock.ts';",
            "export { CallLog } from './src/local/services/calls.ts';",
            "export { nodeRealm } from './src/local/load-bundle.ts';",
          ].join('\n'),
          resolveDir: root,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile: bundle,
        logLevel: 'silent',
      });
    });

    /** A second node process that takes the document lock and holds it until told to stop. */
    function holder(dir: string): Promise<ChildProcessWithoutNullStreams> {
      const script = `
        const m = require(${JSON.stringify(bundle)});
        const s = new m.LockService(new m.CallLog(), new m.LockOwner(${JSON.stringify(dir)}), { document: 'sheet-1', user: 'u' }, m.nodeRealm);
        const lock = s.getDocumentLock();
        console.log(lock.tryLock(1000) ? 'locked' : 'busy');
        process.stdin.on('data', () => { lock.releaseLock(); process.exit(0); });`;
      const child = spawn(process.execPath, ['-e', script], { cwd: resolve(__dirname, '../..') });
      return new Promise((ok, fail) => {
        child.stdout.once('data', (d: Buffer) =>
          String(d).trim() === 'locked' ? ok(child) : fail(new Error(String(d))),
        );
        child.stderr.on('data', (d: Buffer) => fail(new Error(String(d))));
      });
    }

    const exited = (child: ChildProcessWithoutNullStreams) =>
      new Promise((ok) => child.once('exit', ok));

    test('a lock held by another process blocks this one until released', async () => {
      const dir = tempDir();
      const child = await holder(dir);
      const mine = locks(dir).getDocumentLock();
      expect(mine.tryLock(100)).toBe(false);
      child.stdin.write('release\n');
      await exited(child);
      expect(mine.tryLock(0)).toBe(true);
      mine.releaseLock();
    });

    test('a lock left by a killed process is taken over', async () => {
      const dir = tempDir();
      const child = await holder(dir);
      child.kill('SIGKILL');
      await exited(child);
      expect(existsSync(join(dir, 'document-sheet-1.lock'))).toBe(true);
      const mine = locks(dir).getDocumentLock();
      expect(mine.tryLock(0)).toBe(true);
      mine.releaseLock();
    });
  });
});

describe('Session, ScriptApp, Logger', () => {
  const session = new Session(log, {
    user: 'staff@example.go.th',
    email: 'staff@example.go.th',
    scriptTimeZone: 'Asia/Bangkok',
    locale: 'th',
    scriptId: 'script-1',
  }) as unknown as GoogleAppsScript.Base.Session;

  test('Session reports the local user, the manifest time zone and an opaque stable key', () => {
    expect(session.getActiveUser().getEmail()).toBe('staff@example.go.th');
    expect(session.getEffectiveUser().getEmail()).toBe('staff@example.go.th');
    expect(session.getScriptTimeZone()).toBe('Asia/Bangkok');
    expect(session.getActiveUserLocale()).toBe('th');
    const key = session.getTemporaryActiveUserKey();
    expect(key).toBe(session.getTemporaryActiveUserKey());
    expect(key).not.toContain('staff');
  });

  test('ScriptApp enums and a fake token', () => {
    const script = new ScriptApp(log, 'script-1') as unknown as GoogleAppsScript.Script.ScriptApp;
    expect(String(script.AuthMode.FULL)).toBe('FULL');
    expect(script.getOAuthToken()).toBe(FAKE_OAUTH_TOKEN);
    expect(script.getScriptId()).toBe('script-1');
  });

  test('Logger.getLog prints each message with Apps Script\u2019s timestamp', () => {
    const clock = new Clock(() => new Date('2025-10-02T17:00:01.002Z'));
    const recorder = new LogRecorder(clock);
    const logger = new Logger(
      log,
      recorder,
      clock,
      'Asia/Bangkok',
    ) as unknown as GoogleAppsScript.Base.Logger;
    logger.log('คะแนน %s', 93.53).log({ a: 1 });
    expect(logger.getLog()).toBe(
      '[25-10-03 00:00:01:002 ICT] คะแนน 93.53\n[25-10-03 00:00:01:002 ICT] {"a":1}\n',
    );
    expect(recorder.messages()).toEqual(['คะแนน 93.53', '{"a":1}']);
  });
});
