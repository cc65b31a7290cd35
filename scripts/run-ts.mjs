// Runs a TypeScript script of this repository (bundled by esbuild, packages kept external).
// Usage: node scripts/run-ts.mjs <file.ts> [args]
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args]');
  process.exit(2);
}
const outfile = join(root, 'dist', 'scripts', basename(entry).replace(/\.ts$/, '.cjs'));
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  charset: 'utf8',
  sourcemap: 'inline',
  // __dirname of the bundled script is its source folder, as if it ran from there.
  define: { __dirname: JSON.stringify(dirname(resolve(entry))) },
  logLevel: 'error',
});
process.argv = [process.argv[0], outfile, ...args];
createRequire(import.meta.url)(outfile);
