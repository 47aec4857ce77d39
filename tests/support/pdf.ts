import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs a poppler tool on a PDF held in memory (tests/ensure-poppler.mjs makes sure they are installed). */
function withFile<T>(pdf: Buffer, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'fascia-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text in reading layout (pdftotext -layout), line by line as printed, spaces kept. */
export function pdfLines(pdf: Buffer): string[] {
  const text = withFile(pdf, (file) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  return text.split(/\r?\n/);
}

/** pdfinfo's fields: Pages, Page size, Tagged, Title … */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const text = withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Object.fromEntries(
    text
      .split('\n')
      .flatMap((line) => (line.includes(':') ? [[line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]] : [])),
  );
}

/** pdffonts' rows: font name and whether it is embedded. */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  const text = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return text
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      // Columns: name, type (may hold spaces), encoding, emb, sub, uni, object, generation.
      return { name: cells[0] ?? '', embedded: cells.at(-5) === 'yes' };
    });
}

/** Saves each page as `<prefix>-<n>.png` in `dir` (pdftoppm at `dpi`); returns the files written. */
export function pdfPages(pdf: Buffer, dir: string, prefix: string, dpi = 80): string[] {
  return withFile(pdf, (file) => {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, path.join(dir, prefix)]);
    return readdirSync(dir)
      .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.png'))
      .map((name) => path.join(dir, name));
  });
}
