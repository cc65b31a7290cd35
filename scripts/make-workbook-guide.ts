// Writes docs/workbook.md, the workbook contract, from src/core/workbook/contract.ts.
// Run with: node scripts/run-ts.mjs scripts/make-workbook-guide.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { itaRulesFor } from '../src/core/ita/registry';
import { workbookGuide } from '../src/core/workbook/guide';

const path = join(__dirname, '..', 'docs', 'workbook.md');
writeFileSync(path, workbookGuide(itaRulesFor(null)));
console.log(path);
