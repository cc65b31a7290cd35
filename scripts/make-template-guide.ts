// Writes docs/template.md, the staff guide to the template language, from the memo schema.
// Run with: node scripts/run-ts.mjs scripts/make-template-guide.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { itaRulesFor } from '../src/core/ita/registry';
import { memoSchema } from '../src/core/memo';
import { templateGuide } from '../src/core/memo/template-guide';

const rules = itaRulesFor(null);
const path = join(__dirname, '..', 'docs', 'template.md');
writeFileSync(path, templateGuide(memoSchema(rules), rules.year));
console.log(path);
