import fs from 'node:fs';
import path from 'node:path';
import { nodeSettings } from '.';

describe('README settings table', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

  it.each(Object.values(nodeSettings).map((s) => [s.name, s.defaultText]))(
    'lists %s with its default',
    (name, defaultText) => {
      expect(readme).toContain(`| \`${name}\` | ${defaultText} |`);
    },
  );
});
