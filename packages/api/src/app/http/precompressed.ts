// The web build's precompressed copies (x.js.br, x.js.gz, written by the web build at brotli
// quality 11), sent as they are to a browser that accepts them. `compression` brotli-compresses
// on the fly at quality 4 (cheap per response); the built copies are about 15% smaller and cost
// nothing at run time. A file without a copy, or a client accepting neither, falls through to
// express.static (and `compression`).
import type { NextFunction, Request, Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';

type Coding = 'br' | 'gzip';
const SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' };

/** Whether an Accept-Encoding header accepts a coding (named, or by "*", with a q above 0). */
export function acceptsCoding(header: string | undefined, coding: Coding): boolean {
  let named: boolean | null = null;
  let star = false;
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const ok = q === undefined || Number(q.slice(2)) > 0;
    const n = name.trim().toLowerCase();
    if (n === coding) named = ok;
    else if (n === '*') star = ok;
  }
  return named ?? star;
}

/** The URL paths ("/assets/x.js") of the files under `root` that have a .br or .gz copy, with their codings. */
function scanCopies(root: string): Map<string, Set<Coding>> {
  const copies = new Map<string, Set<Coding>>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      for (const coding of ['br', 'gzip'] as const) {
        if (!entry.isFile() || !entry.name.endsWith(SUFFIX[coding])) continue;
        const original = full.slice(0, -SUFFIX[coding].length);
        if (!fs.existsSync(original)) continue;
        const url = '/' + path.relative(root, original).split(path.sep).join('/');
        const set = copies.get(url) ?? new Set<Coding>();
        set.add(coding);
        copies.set(url, set);
      }
    }
  };
  walk(root);
  return copies;
}

/**
 * Middleware sending the precompressed copy of a build file (brotli first, then gzip) with the
 * original's type and the caching headers `cacheControl` gives for the original file.
 */
export function precompressedFiles(root: string, cacheControl: (file: string) => string) {
  const copies = scanCopies(root);
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || copies.size === 0) return next();
    const have = copies.get(req.path);
    if (!have) return next();
    res.vary('Accept-Encoding');
    const accept = req.headers['accept-encoding'];
    const coding = (['br', 'gzip'] as const).find((c) => have.has(c) && acceptsCoding(accept, c));
    if (!coding) return next();
    const original = path.join(root, ...req.path.split('/'));
    res.type(path.extname(original));
    res.setHeader('Content-Encoding', coding);
    res.setHeader('Cache-Control', cacheControl(original));
    // byte ranges of a compressed copy are not ranges of the file the client asked for
    res.sendFile(req.path.slice(1) + SUFFIX[coding], { root, acceptRanges: false, cacheControl: false }, (err) => {
      if (err && !res.headersSent) next();
    });
  };
}
