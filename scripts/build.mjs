// Builds what clasp pushes (build/Code.js, build/Sidebar.html, build/Picker.html, build/appsscript.json) and the
// local runtime (dist/local.cjs). Usage: node scripts/build.mjs [--quiet] [--if-stale]
import { build } from 'esbuild';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import htmlPage from './html-page.cjs';

const { assemblePage } = htmlPage;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const ifStale = process.argv.includes('--if-stale');
const GLOBAL = 'ITAMEMO';
const outputs = [
  'build/Code.js',
  'build/Sidebar.html',
  'build/Picker.html',
  'build/appsscript.json',
  'dist/local.cjs',
  'dist/render-worker.cjs',
];

function log(msg) {
  if (!quiet) console.log(msg);
}

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const name of readdirSync(path)) t = Math.max(t, newestMtime(join(path, name)));
  return t;
}

function isStale() {
  const targets = outputs.map((p) => join(root, p));
  if (!targets.every(existsSync)) return true;
  const built = Math.min(...targets.map((p) => statSync(p).mtimeMs));
  const sources = [
    'src',
    'appsscript.json',
    'scripts/build.mjs',
    'scripts/html-page.cjs',
    'package-lock.json',
  ];
  return sources.some((p) => existsSync(join(root, p)) && newestMtime(join(root, p)) > built);
}

/** Evaluates the bundle in an empty context: touching any Apps Script service at load time throws. */
function evaluateInEmptyContext(code, file) {
  const ctx = vm.createContext({});
  vm.runInContext(code, ctx, { filename: file });
  return ctx;
}

async function buildAppsScript() {
  const result = await build({
    entryPoints: [join(root, 'src/entry/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    // Whitespace and syntax only: names stay, so an Apps Script stack trace still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // Apps Script parses the whole file on every menu click and sidebar call: only our own core,
  // adapters and entry points may be in it, never a package or the local runtime.
  const foreign = Object.keys(result.metafile.inputs).filter(
    (f) => !/^src\/(core|gas|entry|shared)\//.test(f),
  );
  if (foreign.length) throw new Error(`build/Code.js would carry ${foreign.join(', ')}`);
  const bundle = result.outputFiles[0].text;
  const ctx = evaluateInEmptyContext(bundle, 'build/Code.js');
  const api = ctx[GLOBAL];
  const names = Object.keys(api ?? {}).filter((k) => typeof api[k] === 'function');
  if (names.length === 0) throw new Error('The bundle exports no entry point (tree-shaken?).');
  // Apps Script sees only top-level function declarations: one stub per exported entry point.
  const stubs = names
    .sort()
    .map((n) => `function ${n}() {\n  return ${GLOBAL}.${n}.apply(this, arguments);\n}`)
    .join('\n');
  const code = `${bundle}\n// Entry points (generated from the bundle's exports)\n${stubs}\n`;
  const check = evaluateInEmptyContext(code, 'build/Code.js');
  for (const n of names) {
    if (typeof check[n] !== 'function')
      throw new Error(`Entry point ${n} is not a top-level function.`);
  }
  writeFileSync(join(root, 'build/Code.js'), code);
  return names;
}

/**
 * One HTML file with its script and style inlined: `src/<dir>/<dir>.{html,ts,css}` → `build/<Name>.html`.
 * Pages share the sidebar's styles (`css` lists the style sheets, in order) and the same head.
 */
async function buildPage(dir, name, css = [`src/${dir}/${dir}.css`]) {
  const script = await build({
    entryPoints: [join(root, `src/${dir}/${dir}.ts`)],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    charset: 'utf8',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const js = script.outputFiles[0].text;
  const style = css.map((file) => readFileSync(join(root, file), 'utf8')).join('');
  const html = readFileSync(join(root, `src/${dir}/${dir}.html`), 'utf8');
  const out = assemblePage({ name, html, js, style });
  writeFileSync(join(root, `build/${name}.html`), out);
}

async function buildLocalRuntime() {
  await Promise.all([
    buildNode('src/local/main.ts', 'dist/local.cjs'),
    buildNode('src/local/render-worker.ts', 'dist/render-worker.cjs'),
  ]);
}

async function buildNode(entry, outfile) {
  await build({
    entryPoints: [join(root, entry)],
    outfile: join(root, outfile),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    charset: 'utf8',
    // A separate map: an inline one makes Node read and compile a 1.5 MB file at every start.
    sourcemap: 'linked',
    logLevel: 'silent',
  });
}

async function main() {
  if (ifStale && !isStale()) return;
  mkdirSync(join(root, 'build'), { recursive: true });
  mkdirSync(join(root, 'dist'), { recursive: true });
  const t0 = Date.now();
  const names = await buildAppsScript();
  await buildPage('sidebar', 'Sidebar');
  await buildPage('picker', 'Picker', ['src/sidebar/sidebar.css', 'src/picker/picker.css']);
  copyFileSync(join(root, 'appsscript.json'), join(root, 'build/appsscript.json'));
  await buildLocalRuntime();
  const size = statSync(join(root, 'build/Code.js')).size;
  log(`build/Code.js ${(size / 1024).toFixed(1)} KiB, entry points: ${names.join(', ')}`);
  log(
    `build/Sidebar.html, build/Picker.html, build/appsscript.json, dist/local.cjs in ${Date.now() - t0} ms`,
  );
}

main().catch((err) => {
  console.error(`build failed: ${err.message ?? err}`);
  if (err.errors)
    for (const e of err.errors)
      console.error(`  ${e.location?.file}:${e.location?.line}: ${e.text}`);
  process.exit(1);
});
