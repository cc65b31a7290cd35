// Writes docs/scopes.md, the emulated members' scopes and modes, from src/local/services/scopes.ts.
// Run with: node scripts/run-ts.mjs scripts/make-scope-table.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scopeTableDoc } from '../src/local/services/scopes-doc';

const path = join(__dirname, '..', 'docs', 'scopes.md');
writeFileSync(path, scopeTableDoc());
console.log(path);
