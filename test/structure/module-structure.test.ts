import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/**
 * Every relative import of a file, type-only ones included: `import type` still ties two modules
 * together for the reader, and a circle through types is how a circle through values starts.
 * TypeScript's own pre-processor finds them (imports, re-exports, dynamic imports).
 */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName).filter((n) => n.startsWith('.')).map((n) => resolve(dirname(file), n));
}

/** The circles among `files`, each as the list of files it goes through (Tarjan's strongly connected components). */
export function findCircles(files: string[], edges: (f: string) => string[]): string[][] {
  const known = new Set(files);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v).filter((x) => known.has(x))) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || edges(v).includes(v)) circles.push(scc.reverse());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return circles;
}

describe('module structure', () => {
  it('has no import circle in src/ (type-only imports included)', () => {
    const files = sourceFiles(src);
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const circles = findCircles(files, (f) => graph.get(f) ?? []).map((c) => c.map((f) => relative(root, f)));
    expect(circles).toEqual([]);
  });

  it('no module below src/modules takes the whole Container (services get only what they use)', () => {
    const whole = sourceFiles(join(src, 'modules'))
      .filter((f) => /\bContainer\b/.test(readFileSync(f, 'utf8').replace(/Pick<Container,|import type \{ Container \} from '[^']+';/g, '')))
      .map((f) => relative(root, f));
    expect(whole).toEqual([]);
  });

  it('the circle finder finds a circle through three modules and none in a chain', () => {
    const chain = { a: ['b'], b: ['c'], c: [] } as Record<string, string[]>;
    expect(findCircles(Object.keys(chain), (f) => chain[f]!)).toEqual([]);
    const ring = { a: ['b'], b: ['c'], c: ['a'], d: ['a'] } as Record<string, string[]>;
    expect(findCircles(Object.keys(ring), (f) => ring[f]!)).toEqual([['a', 'b', 'c']]);
  });
});
