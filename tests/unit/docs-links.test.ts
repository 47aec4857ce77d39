import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const docsDir = path.join(root, 'docs');

/** README.md and every Markdown page of docs/, as paths relative to the repository root. */
const pages = [
  'README.md',
  ...readdirSync(docsDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** Markdown without its fenced code blocks and inline code spans, where links are not links. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor of a heading: lower case, punctuation but hyphens and underscores removed, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a page's headings, numbered -1, -2 … when a heading repeats, as GitHub does. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  const markdown = readFileSync(path.join(root, file), 'utf8').replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of markdown.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const text = (match[1] ?? '').replace(/`([^`]*)`/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = slug(text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** Every inline link and image target of a page, outside code. */
function links(file: string): string[] {
  const markdown = withoutCode(readFileSync(path.join(root, file), 'utf8'));
  return [...markdown.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1] ?? '');
}

test('slugs follow GitHub: lower case, punctuation dropped, spaces to hyphens', () => {
  expect(slug('Who may see and do what')).toBe('who-may-see-and-do-what');
  expect(slug('The rules, and why')).toBe('the-rules-and-why');
  expect(slug('Benchmark of progress and the caseload')).toBe('benchmark-of-progress-and-the-caseload');
  expect(slug('Load and fault-runs (2026)')).toBe('load-and-fault-runs-2026');
});

test('there are pages to check', () => {
  expect(pages).toContain('docs/development.md');
  expect(pages.length).toBeGreaterThan(2);
});

describe.each(pages)('%s', (file) => {
  const relative = links(file).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));

  test('every relative link points at a file that exists', () => {
    const missing = relative
      .map((target) => target.split('#')[0] ?? '')
      .filter((target) => target !== '')
      .filter((target) => !existsSync(path.resolve(path.dirname(path.join(root, file)), decodeURI(target))));
    expect(missing).toEqual([]);
  });

  test('every #anchor matches a heading of the page it points at', () => {
    const broken = relative
      .filter((target) => target.includes('#'))
      .filter((target) => {
        const [page = '', anchor = ''] = target.split('#');
        const targetFile = page === '' ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), decodeURI(page));
        if (!targetFile.endsWith('.md') || !existsSync(targetFile) || statSync(targetFile).isDirectory()) return true;
        return !anchors(path.relative(root, targetFile)).has(decodeURIComponent(anchor));
      });
    expect(broken).toEqual([]);
  });
});
