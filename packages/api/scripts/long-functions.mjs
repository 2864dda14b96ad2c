// Lists the functions (declarations, methods, arrows, function expressions) of packages/api/src longer
// than a number of lines (default 80), and the files over 400 lines: `node scripts/long-functions.mjs [N]`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const limit = Number(process.argv[2] ?? 80);
const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
const files = fs.readdirSync(src, { recursive: true }).filter((f) => f.endsWith('.ts')).map((f) => path.join(src, f));
const long = [];
const big = [];
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const rel = path.relative(src, file);
  const lineCount = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lineCount > 400) big.push(`${lineCount} ${rel}`);
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) {
        const name = node.name?.getText(sf) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(sf) : '(anonymous)');
        long.push(`${lines} ${rel}:${start + 1} ${name}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
const byLength = (a, b) => Number(b.split(' ')[0]) - Number(a.split(' ')[0]);
console.log(`functions over ${limit} lines: ${long.length}`);
for (const l of long.sort(byLength)) console.log(`  ${l}`);
console.log(`files over 400 lines: ${big.length}`);
for (const b of big.sort(byLength)) console.log(`  ${b}`);
