/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file needs the DOM types.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

declare global {
  interface Window {
    axe?: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
  }
}

let axeSource: Promise<string> | undefined;

/** axe-core's own bundle, read once from the package (the page gets it as an inline script). */
function loadAxeSource(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the page as it is now and returns the serious and
 * critical violations, one line each ("rule: help (targets)"), so a failing test names what to fix.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    // Evaluated through the DevTools protocol rather than added as a <script>, which the page's CSP refuses.
    await page.evaluate(await loadAxeSource());
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe?.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return (result?.violations ?? []).map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.targets.slice(0, 5).join(', ')})`);
}
