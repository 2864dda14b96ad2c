import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Runs dependency-cruiser with the package's own rules (.dependency-cruiser.cjs) over `baseDir`/src. */
export async function layeringViolations(baseDir: string): Promise<Violation[]> {
  const options = await extractDepcruiseOptions(join(packageRoot, '.dependency-cruiser.cjs'));
  const result = await cruise(['src'], { ...options, validate: true, baseDir });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned a report, not a result');
  return result.output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}
