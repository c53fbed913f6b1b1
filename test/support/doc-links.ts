import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** Folders that hold no doc of ours: dependencies, build output, tools. */
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'cdk.out', '.tools', 'coverage']);

const markdown = new MarkdownIt({ html: true });

/** A link that leads nowhere: where it is written and why it fails. */
export type BrokenLink = { file: string; line: number; href: string; problem: string };

/** Every Markdown file under `root`, as paths relative to it, sorted. */
export function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(relative);
      } else if (entry.name.endsWith('.md')) {
        found.push(relative);
      }
    }
  };
  walk('');
  return found.sort();
}

/** The text GitHub slugs a heading from: what it shows, without the markup. */
function shownText(inline: Token): string {
  return (inline.children ?? []).map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : '')).join('');
}

/** The anchors GitHub gives a Markdown file: one per heading (repeats numbered), plus HTML `id` and `name` attributes. */
export function anchorsOf(source: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const tokens = markdown.parse(source, {});
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open') anchors.add(slugger.slug(shownText(tokens[index + 1]!)));
  });
  for (const match of source.matchAll(/<[a-z][^>]*\s(?:id|name)="([^"]+)"/gi)) anchors.add(match[1]!);
  return anchors;
}

/** Every link and image target in a Markdown source, with the line it starts on. */
function linksOf(source: string): { href: string; line: number }[] {
  const links: { href: string; line: number }[] = [];
  for (const block of markdown.parse(source, {})) {
    const line = (block.map?.[0] ?? 0) + 1;
    for (const child of block.children ?? []) {
      const href = child.type === 'link_open' ? child.attrGet('href') : child.type === 'image' ? child.attrGet('src') : null;
      if (href !== null) links.push({ href: String(href), line });
    }
  }
  return links;
}

/** A link to somewhere else (a scheme such as https: or mailto:, or a protocol-relative address): not ours to check. */
const isExternal = (href: string): boolean => /^[a-z][a-z\d+.-]*:/i.test(href) || href.startsWith('//');

/**
 * The relative links of the Markdown files `files` (relative to `root`) that point to a missing
 * file or folder, or to an anchor the target Markdown file does not have (GitHub's heading slugs).
 * A `#L12` anchor on a file that is not Markdown is a line link and is taken as found.
 */
export function brokenLinks(root: string, files: readonly string[]): BrokenLink[] {
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = (file: string): Set<string> => {
    let anchors = anchorCache.get(file);
    if (!anchors) anchorCache.set(file, (anchors = anchorsOf(readFileSync(path.join(root, file), 'utf8'))));
    return anchors;
  };
  const broken: BrokenLink[] = [];
  for (const file of files) {
    for (const { href, line } of linksOf(readFileSync(path.join(root, file), 'utf8'))) {
      if (isExternal(href)) continue;
      const report = (problem: string) => broken.push({ file, line, href, problem });
      const [rawPath = '', rawAnchor] = href.split('#', 2);
      const linked = decodeURIComponent(rawPath.split('?')[0]!);
      const target = linked === '' ? file : linked.startsWith('/') ? linked.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(file), linked));
      if (target.startsWith('..') || !existsSync(path.join(root, target))) {
        report(`no file ${target}`);
        continue;
      }
      if (rawAnchor === undefined || rawAnchor === '') continue;
      const anchor = decodeURIComponent(rawAnchor);
      if (statSync(path.join(root, target)).isDirectory()) report(`${target} is a folder and has no anchor #${anchor}`);
      else if (!target.endsWith('.md')) {
        if (!/^L\d+(-L\d+)?$/.test(anchor)) report(`${target} is not Markdown, so it has no anchor #${anchor}`);
      } else if (!anchorsIn(target).has(anchor)) report(`${target} has no heading with the anchor #${anchor}`);
    }
  }
  return broken;
}
