/**
 * Headless Chromium for the browser tests and the scripts, on a machine with only Node and npm.
 *
 * A system Chromium is preferred when there is one (CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium); otherwise the one @sparticuz/chromium ships inside its npm package
 * (brotli-compressed), unpacked once per version into node_modules/.cache.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * This machine has no network but the package registries: without the background-networking
 * flags Chromium keeps trying to reach Google and is refused. No sandbox: tests run as root.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = join(dir, '..');
  return dir;
}

/** The packaged Chromium, unpacked into a per-version folder (atomically: tests run in parallel). */
async function packagedChromium(): Promise<string> {
  const pkg = join(repoRoot(), 'node_modules', '@sparticuz', 'chromium');
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as {
    version: string;
  };
  const cache = join(repoRoot(), 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  const binary = join(cache, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(join(cache, '..'), { recursive: true });
  // The package unpacks into os.tmpdir(): a child process with TMPDIR at a fresh folder, which
  // is then moved into place. (A child, not this process: jest gives tests a copy of the
  // environment that Node's own os.tmpdir() does not read.)
  const staging = mkdtempSync(`${cache}.unpacking-`);
  const unpack = spawnSync(
    process.execPath,
    ['-e', "require('@sparticuz/chromium').executablePath().then((p) => console.log(p))"],
    { cwd: repoRoot(), env: { ...process.env, TMPDIR: staging }, encoding: 'utf8' },
  );
  if (unpack.status !== 0 || !existsSync(join(staging, 'chromium'))) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`@sparticuz/chromium could not unpack Chromium: ${unpack.stderr}`);
  }
  try {
    renameSync(staging, cache);
  } catch {
    // Another process unpacked it first.
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

/** Where Chromium is: CHROMIUM_PATH, the system's, or the packaged one. */
export async function chromiumPath(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured}: no such file`);
    return configured;
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  return packagedChromium();
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
}
