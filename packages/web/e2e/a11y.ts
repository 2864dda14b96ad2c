// Accessibility checks for the end-to-end tests, run in the real page:
// - axe-core's rules (serious and critical violations fail a test);
// - a contrast check computed from the computed styles, for the cases axe leaves "incomplete"
//   (text on a coloured header whose background axe cannot resolve, hover and focus states);
// - the size of interactive targets (WCAG 2.2's 24 by 24 CSS pixels).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * axe-core's violations of impact serious or critical on the page as it is now. The script is
 * evaluated through the DevTools protocol, which the page's Content Security Policy does not
 * govern (an injected <script> would be refused, as it should be).
 */
export async function axeViolations(page: Page, options: { include?: string } = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async ({ include }) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(include ? { include: [include] } : document, {
      resultTypes: ['violations'],
      // the product's own pages: Leaflet's tiles are off in tests; no rule is switched off
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n: any) => ({ target: String(n.target?.join(' ') ?? ''), summary: String(n.failureSummary ?? '').slice(0, 300) })),
      }));
  }, options);
}

export interface ContrastProblem {
  text: string;
  selector: string;
  color: string;
  background: string;
  ratio: number;
  required: number;
}

/**
 * Text whose contrast with its background is under WCAG AA (4.5:1, 3:1 for large text) inside
 * `root`, from the computed styles: the text colour over the element's backgrounds, each
 * ancestor's translucent background composited over the one below, white at the bottom.
 * Elements that are hidden, visually hidden (1 px clip) or disabled are skipped (WCAG exempts
 * inactive controls). `only` restricts the check to one element and its descendants.
 */
export function contrastProblems(page: Page, root: string, only?: string): Promise<ContrastProblem[]> {
  return page.evaluate(
    ({ root, only }) => {
      type RGBA = [number, number, number, number];
      const parse = (c: string): RGBA => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (!m) return [0, 0, 0, 0];
        const parts = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
        return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
      };
      const over = (top: RGBA, bottom: RGBA): RGBA => {
        const a = top[3] + bottom[3] * (1 - top[3]);
        if (a === 0) return [0, 0, 0, 0];
        const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
        return [mix(0), mix(1), mix(2), a];
      };
      const lum = ([r, g, b]: RGBA) => {
        const ch = (v: number) => {
          const s = v / 255;
          return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
      };
      const ratio = (a: RGBA, b: RGBA) => {
        const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
        return (l1 + 0.05) / (l2 + 0.05);
      };
      const background = (el: Element): RGBA => {
        const layers: RGBA[] = [];
        for (let e: Element | null = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
        let out: RGBA = [255, 255, 255, 1];
        for (const layer of layers.reverse()) out = over(layer, out);
        return out;
      };
      const describe = (el: Element) => {
        const id = el.id ? `#${el.id}` : '';
        const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
        return `${el.tagName.toLowerCase()}${id}${cls}`;
      };
      const hidden = (el: HTMLElement) => {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) return true;
        const s = getComputedStyle(el);
        return s.visibility !== 'visible' || s.display === 'none';
      };
      const scope = document.querySelector(only ?? root);
      if (!scope) return [{ text: '', selector: only ?? root, color: '', background: '', ratio: 0, required: 4.5 }];
      const out: {
        text: string;
        selector: string;
        color: string;
        background: string;
        ratio: number;
        required: number;
      }[] = [];
      const els = [scope, ...scope.querySelectorAll('*')] as HTMLElement[];
      for (const el of els) {
        const text = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        if (!text || hidden(el) || el.closest(':disabled, [aria-disabled="true"]')) continue;
        const s = getComputedStyle(el);
        let opacity = 1;
        for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
        const bg = background(el);
        const fg = parse(s.color);
        const color = over([fg[0], fg[1], fg[2], fg[3] * opacity], bg);
        const size = parseFloat(s.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
        const required = large ? 3 : 4.5;
        const r = ratio(color, bg);
        if (r < required) out.push({ text: text.slice(0, 60), selector: describe(el), color: s.color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`, ratio: Math.round(r * 100) / 100, required });
      }
      return out;
    },
    { root, only },
  );
}

export interface SmallTarget {
  selector: string;
  text: string;
  width: number;
  height: number;
}

/**
 * The visible interactive elements inside `root` smaller than `min` CSS pixels either way (WCAG
 * 2.2's target size, AA). Inline links inside a sentence are exempt (WCAG's own exception), as
 * are a map's markers and shapes (see below).
 */
export function smallTargets(page: Page, root = 'body', min = 24): Promise<SmallTarget[]> {
  return page.evaluate(
    ({ root, min }) => {
      const scope = document.querySelector(root);
      if (!scope) return [];
      const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
      const out: { selector: string; text: string; width: number; height: number }[] = [];
      for (const el of scope.querySelectorAll<HTMLElement>(selector)) {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        if (r.width === 0 || r.height === 0 || s.visibility !== 'visible') continue;
        if (el.closest('.visually-hidden, .skip-link')) continue;
        // shapes and markers on a map: WCAG's "equivalent" exception, the same function is on the
        // page in full-size controls (the map's result list, the coverage table); point markers
        // also get a 24 px hit area (phone.css) that their box does not show
        if (el.closest('.leaflet-marker-pane, .leaflet-overlay-pane, .leaflet-coverage-pane') || el instanceof SVGElement) continue;
        // a link within running text (a sentence, a table cell's text) is exempt
        if (el.tagName === 'A' && s.display === 'inline' && el.parentElement && /^(P|LI|TD|DD|SPAN)$/.test(el.parentElement.tagName)) {
          const siblings = [...el.parentElement.childNodes].some((n) => n !== el && (n.textContent ?? '').trim() !== '');
          if (siblings) continue;
        }
        // a checkbox or radio inside its label counts with the label's box
        let box = r;
        const label = el.closest('label');
        if (label && (el as HTMLInputElement).type && /checkbox|radio/.test((el as HTMLInputElement).type)) box = label.getBoundingClientRect();
        if (box.width < min - 0.5 || box.height < min - 0.5) {
          const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
          out.push({
            selector: `${el.tagName.toLowerCase()}${cls}`,
            text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
            width: Math.round(box.width),
            height: Math.round(box.height),
          });
        }
      }
      return out;
    },
    { root, min },
  );
}
