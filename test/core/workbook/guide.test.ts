import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { itaRulesFor } from '../../../src/core/ita/registry';
import { workbookGuide } from '../../../src/core/workbook/guide';

it('docs/workbook.md says exactly what the contract in the code says', () => {
  const written = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'workbook.md'), 'utf8');
  expect(written).toBe(workbookGuide(itaRulesFor(null)));
});
