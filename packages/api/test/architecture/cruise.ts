import path from 'node:path';

export const packageRoot = path.resolve(__dirname, '..', '..');

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Runs dependency-cruiser with the package's own rules (.dependency-cruiser.cjs) over `baseDir`/src. */
export async function layeringViolations(baseDir: string): Promise<Violation[]> {
  // dependency-cruiser is ESM only; this package is CommonJS, so load it with import().
  const { cruise } = await import('dependency-cruiser');
  const { default: extractDepcruiseOptions } = await import('dependency-cruiser/config-utl/extract-depcruise-options');
  const options = await extractDepcruiseOptions(path.join(packageRoot, '.dependency-cruiser.cjs'));
  const result = await cruise(['src'], { ...options, validate: true, baseDir });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned a report, not a result');
  return result.output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}
