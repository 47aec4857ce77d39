/**
 * The server's imports point one way (docs/development.md, "Dependency direction"):
 * entry points -> http/ -> graphql/ -> modules/ -> db/ and common/. A test over the import graph keeps it so.
 * The layer rule counts every import, `import type` too (a type still ties a layer to another's vocabulary);
 * the circle rule counts the imports that remain at run time, since those fix the order modules load in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/src');

type Layer = 'entry' | 'demo' | 'http' | 'graphql' | 'modules' | 'db' | 'common' | 'config';

/** Which layers a file of each layer may import. */
const allowed: Record<Layer, readonly Layer[]> = {
  entry: ['entry', 'demo', 'http', 'graphql', 'modules', 'db', 'common', 'config'],
  demo: ['demo', 'modules', 'db', 'common'],
  http: ['http', 'graphql', 'modules', 'db', 'common', 'config'],
  graphql: ['graphql', 'modules', 'db', 'common', 'config'],
  modules: ['modules', 'db', 'common'],
  db: ['db', 'common', 'config'],
  common: ['common'],
  config: ['common'],
};

/** Imports against the layers that are allowed, each for a stated reason. */
function isException(from: string, to: string): boolean {
  // GraphQL scalars are part of a module's API types, like type-graphql's own decorators.
  if (from.startsWith('modules/') && to === 'graphql/scalars.ts') return true;
  // The ORM must be told every table and the catalogs it syncs: definitions only, never services.
  if (from.startsWith('db/') && to.startsWith('modules/') && /\.entity\.ts$|-catalog\.ts$/.test(to)) return true;
  return false;
}

function layerOf(file: string): Layer {
  if (file === 'main.ts' || file.startsWith('cli/')) return 'entry';
  if (file === 'config.ts') return 'config';
  const top = file.split('/')[0] as Layer;
  if (!(top in allowed)) throw new Error(`${file} is in no known layer: add its folder to the dependency rules`);
  return top;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(serverSrc, full)] : [];
  });
}

interface Edge {
  from: string;
  to: string;
  /** `import type { A }` or `import { type A, type B }`: erased by the compiler. */
  typeOnly: boolean;
}

/** Relative imports of a file (static, dynamic and re-exports), as paths from server/src. */
function importsOf(from: string): Edge[] {
  const text = readFileSync(path.join(serverSrc, from), 'utf8');
  const statements = text.matchAll(/(?:\b(import|export)\s+(type\s+)?(?:\{([^}]*)\}[^']*?)?from\s*|\bimport\s*\(?\s*)'(\.{1,2}\/[^']+)'/g);
  return [...statements].map(([, , typeKeyword, names, spec]) => {
    const named = (names ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const typeOnly = Boolean(typeKeyword) || (named.length > 0 && named.every((name) => name.startsWith('type ')));
    const to = path.relative(serverSrc, path.resolve(serverSrc, path.dirname(from), spec as string)).replace(/\.js$/, '.ts');
    return { from, to, typeOnly };
  });
}

const files = sourceFiles(serverSrc);
const edges = files.flatMap(importsOf);

/** The module folder of a file under modules/, e.g. `care`. */
function moduleOf(file: string): string | null {
  return file.startsWith('modules/') ? (file.split('/')[1] ?? null) : null;
}

/** Cycles among module folders (Tarjan's strongly connected components of more than one module). */
function moduleCycles(): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges.filter((edge) => !edge.typeOnly)) {
    const a = moduleOf(from);
    const b = moduleOf(to);
    if (!a || !b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    if (a !== b) graph.get(a)?.add(b);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components;
}

describe('dependency direction of server/src', () => {
  test('the graph is read: every module folder and layer is seen', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(300);
    expect(new Set(files.map(layerOf))).toEqual(new Set(['entry', 'demo', 'http', 'graphql', 'modules', 'db', 'common', 'config']));
  });

  test('every import goes with the arrows (entry -> http -> graphql -> modules -> db, common)', () => {
    const against = edges
      .filter(({ from, to }) => !allowed[layerOf(from)].includes(layerOf(to)) && !isException(from, to))
      .map(({ from, to }) => `${from} -> ${to}`);
    expect(against).toEqual([]);
  });

  test('no module reads the configuration; only entry points and the layers above modules do', () => {
    const readers = edges.filter(({ from, to }) => to === 'config.ts' && from.startsWith('modules/')).map(({ from }) => from);
    expect(readers).toEqual([]);
  });

  test('type-only imports are told apart from the ones that load a module', () => {
    const loaders = edges.filter((edge) => edge.from === 'modules/request/request-context.ts' && edge.to === 'modules/request/loaders.ts');
    expect(loaders.map((edge) => edge.typeOnly)).toEqual([false]);
    const viewerTypes = edges.filter(
      (edge) => edge.from === 'modules/research/research.resolver.ts' && edge.to === 'modules/request/request-context.ts',
    );
    expect(viewerTypes.map((edge) => edge.typeOnly)).toEqual([true]);
  });

  test('module folders import each other without a circle', () => {
    expect(moduleCycles()).toEqual([]);
  });

  test('the rule can fail: an import against the grain and a circle are caught', () => {
    expect(allowed.modules.includes(layerOf('graphql/schema.ts'))).toBe(false);
    expect(isException('modules/care/care.service.ts', 'graphql/errors.ts')).toBe(false);
    expect(isException('db/entities.ts', 'modules/care/care.service.ts')).toBe(false);
    edges.push(
      { from: 'modules/progress/x.ts', to: 'modules/research/y.ts', typeOnly: false },
      { from: 'modules/research/y.ts', to: 'modules/progress/x.ts', typeOnly: false },
    );
    try {
      expect(moduleCycles()).toContainEqual(['progress', 'research']);
    } finally {
      edges.splice(-2, 2);
    }
  });
});
