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

  it('lists no setting the code does not have', () => {
    const table = readme.slice(
      readme.indexOf('<!-- settings-table:start -->'),
      readme.indexOf('<!-- settings-table:end -->'),
    );
    const listed = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed.filter((name) => !Object.values(nodeSettings).some((s) => s.name === name))).toEqual([]);
  });
});
