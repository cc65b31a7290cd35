import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { itaRulesFor } from '../../../src/core/ita/registry';
import { memoSchema } from '../../../src/core/memo';
import { templateGuide } from '../../../src/core/memo/template-guide';

it('docs/template.md lists exactly the placeholders the add-on accepts', () => {
  const rules = itaRulesFor(null);
  const written = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'template.md'), 'utf8');
  expect(written).toBe(templateGuide(memoSchema(rules), rules.year));
});
