import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import sq from './sq.json';
import sr from './sr.json';

type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

/** Plural suffixes are language-specific (Serbian has "few"): compare the base keys. */
function baseKeys(tree: Tree): Set<string> {
  return new Set(keys(tree).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
}

const locales = { sq: sq as Tree, sr: sr as Tree, en: en as Tree };
const src = fileURLToPath(new URL('../../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'gql' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('UI translations', () => {
  it('have the same keys in sq, sr and en', () => {
    const reference = baseKeys(locales.sq);
    for (const [lang, tree] of Object.entries(locales)) expect([...baseKeys(tree)].sort(), lang).toEqual([...reference].sort());
  });

  it('have no empty strings', () => {
    for (const [lang, tree] of Object.entries(locales)) {
      const flat = keys(tree);
      for (const k of flat) {
        const v = k.split('.').reduce<Tree | string>((t, p) => (t as Tree)[p]!, tree);
        expect(typeof v === 'string' && v.trim().length > 0, `${lang}: ${k}`).toBe(true);
      }
    }
  });

  it('contain every key that the source code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(src)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const [lang, tree] of Object.entries(locales)) {
      const have = baseKeys(tree);
      const missing = [...used].filter((k) => !have.has(k));
      expect(missing, lang).toEqual([]);
    }
  });

  it('really differ between languages', () => {
    expect((sq as Tree as { map: { searchArea: string } }).map.searchArea).not.toBe((en as Tree as { map: { searchArea: string } }).map.searchArea);
    expect((sr as Tree as { map: { searchArea: string } }).map.searchArea).not.toBe((en as Tree as { map: { searchArea: string } }).map.searchArea);
  });
});
