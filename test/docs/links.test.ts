import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorsOf, brokenLinks, markdownFiles } from '../support/doc-links.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'commitments-doc-links-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the docs’ links', () => {
  it('checks the README, every page under docs/ and the labelled sets’ README', () => {
    const files = markdownFiles(root);
    expect(files).toContain('README.md');
    expect(files).toContain('test/fixtures/readouts/README.md');
    expect(files.filter((file) => file.startsWith('docs/')).length).toBeGreaterThanOrEqual(5);
  });

  it('lead to files and headings that exist', () => {
    expect(brokenLinks(root, markdownFiles(root))).toEqual([]);
  });

  it('keep the README a short front door of at most 150 lines', () => {
    expect(readFileSync(path.join(root, 'README.md'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(150);
  });
});

describe('the link check', () => {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    writeFileSync(path.join(scratch, file), text);
  };

  it('slugs headings as GitHub does: lower case, markup and punctuation dropped, repeats numbered', () => {
    const anchors = anchorsOf('# Deploy, observe & clean up\n## `npm start`: the *local* run\n## Caps\n## Caps\n<a id="kept-here"></a>\n');
    expect([...anchors]).toEqual(['deploy-observe--clean-up', 'npm-start-the-local-run', 'caps', 'caps-1', 'kept-here']);
  });

  it('names each link to a missing file, folder anchor or heading, in order, and passes the rest', () => {
    write('README.md', '# Top\n\n[ok](docs/a.md#roles-and-privacy) [ok too](docs/) [self](#top) [web](https://example.com/x#y) `[code](nowhere.md)`\n\n[gone](docs/missing.md)\n');
    write('docs/a.md', '# Roles and privacy\n\n[back](../README.md#top) [line](../src/x.ts#L3) [bad anchor](../README.md#bottom)\n\n![img](pic.png) [up and out](../../elsewhere.md)\n');
    write('src/x.ts', 'export {};\n');
    expect(brokenLinks(scratch, markdownFiles(scratch))).toEqual([
      { file: 'README.md', line: 5, href: 'docs/missing.md', problem: 'no file docs/missing.md' },
      { file: 'docs/a.md', line: 3, href: '../README.md#bottom', problem: 'README.md has no heading with the anchor #bottom' },
      { file: 'docs/a.md', line: 5, href: 'pic.png', problem: 'no file docs/pic.png' },
      { file: 'docs/a.md', line: 5, href: '../../elsewhere.md', problem: 'no file ../elsewhere.md' },
    ]);
  });

  it('finds a link broken in a copy of the real docs', () => {
    const copy = path.join(scratch, 'copy');
    mkdirSync(path.join(copy, 'docs'), { recursive: true });
    const docs = markdownFiles(root).filter((file) => file === 'README.md' || file.startsWith('docs/'));
    for (const file of docs) writeFileSync(path.join(copy, file), readFileSync(path.join(root, file), 'utf8'));
    // Other links of the README may point outside docs/ (not copied); only the added one is looked for.
    writeFileSync(path.join(copy, 'README.md'), `${readFileSync(path.join(copy, 'README.md'), 'utf8')}\n[moved away](docs/${path.basename(docs[1]!)}#no-such-heading)\n`);
    expect(brokenLinks(copy, ['README.md']).map((link) => link.problem)).toContain(`docs/${path.basename(docs[1]!)} has no heading with the anchor #no-such-heading`);
  });
});
