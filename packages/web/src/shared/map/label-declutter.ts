// Place names yield to the map's symbols, as in any GIS: a municipality's name that a marker or
// cluster would cover moves just above, below, right or left of its anchor if there it is clear of
// every marker and of the other names, and is hidden otherwise (it comes back when a zoom or pan
// uncovers it). Markers and labels move together while the map is dragged, so the placement is
// computed again only when the markers change (the cluster layer redraws them after a move) and
// after a zoom, in the next frame. Boxes come from Leaflet's own positions and the icons' sizes
// (no layout is read per marker: panning at 20,000 sites keeps its frame budget); a name's size is
// measured once per text and font size.
import type L from 'leaflet';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Gap (px) between a label moved off its anchor and the anchor's line. */
const NUDGE_GAP = 2;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export interface Nudge {
  dx: number;
  dy: number;
}

function shifted(b: Box, { dx, dy }: Nudge): Box {
  return { left: b.left + dx, right: b.right + dx, top: b.top + dy, bottom: b.bottom + dy };
}

/** Where a label may go, best first: on its anchor, above, below, right, left (half its width off). */
function candidates(b: Box): Nudge[] {
  const h = b.bottom - b.top + NUDGE_GAP;
  const w = (b.right - b.left) / 2 + NUDGE_GAP;
  return [
    { dx: 0, dy: 0 },
    { dx: 0, dy: -h },
    { dx: 0, dy: h },
    { dx: w, dy: 0 },
    { dx: -w, dy: 0 },
  ];
}

/**
 * Where each label goes: its offset from the anchor in px, or null (hidden). `labels` are the
 * boxes at the anchor. A label clear of `obstacles` stays on its anchor (names never push each
 * other about: a map without markers keeps every name on its shape); a covered one takes the first
 * place clear of the obstacles and of the names already placed.
 */
export function placeLabels(labels: Box[], obstacles: Box[]): (Nudge | null)[] {
  const covered = labels.map((box) => obstacles.some((o) => overlaps(box, o)));
  const placed = labels.filter((_, i) => !covered[i]);
  return labels.map((box, i) => {
    if (!covered[i]) return { dx: 0, dy: 0 };
    for (const nudge of candidates(box).slice(1)) {
      const at = shifted(box, nudge);
      if (obstacles.some((o) => overlaps(at, o)) || placed.some((p) => overlaps(at, p))) continue;
      placed.push(at);
      return nudge;
    }
    return null;
  });
}

/** Where Leaflet placed an element in layer pixels (what L.DomUtil.getPosition reads; no layout). */
function position(el: HTMLElement): { x: number; y: number } {
  return (el as HTMLElement & { _leaflet_pos?: L.Point })._leaflet_pos ?? { x: 0, y: 0 };
}

/** A marker icon's box in layer pixels: its position, the margins and size Leaflet gave it (iconSize). */
function iconBox(icon: HTMLElement): Box {
  const p = position(icon);
  const left = p.x + (parseFloat(icon.style.marginLeft) || 0);
  const top = p.y + (parseFloat(icon.style.marginTop) || 0);
  return { left, top, right: left + (parseFloat(icon.style.width) || 0), bottom: top + (parseFloat(icon.style.height) || 0) };
}

/** A name's box at its anchor, in layer pixels (the span is centred on its marker's position). */
function labelBox(span: HTMLElement, sizeKey: string): Box {
  if (span.dataset.sizeKey !== sizeKey) {
    span.dataset.w = String(span.offsetWidth);
    span.dataset.h = String(span.offsetHeight);
    span.dataset.sizeKey = sizeKey;
  }
  const p = position(span.parentElement!);
  const [w, h] = [Number(span.dataset.w), Number(span.dataset.h)];
  return { left: p.x - w / 2, right: p.x + w / 2, top: p.y - h / 2, bottom: p.y + h / 2 };
}

export function declutterLabels(map: L.Map, labelPane: HTMLElement): () => void {
  const markerPane = map.getPane('markerPane');
  let frame = 0;
  const run = () => {
    frame = 0;
    const spans = [...labelPane.querySelectorAll<HTMLElement>('.cm-mun-label span')];
    if (!spans.length || !markerPane) return;
    const obstacles = [...markerPane.querySelectorAll<HTMLElement>('.leaflet-marker-icon')].map(iconBox);
    // the names' font is smaller at low zooms (base-layer.ts sets data-zoom-low)
    const sizeKey = map.getContainer().dataset.zoomLow ?? '';
    const places = placeLabels(
      spans.map((span) => labelBox(span, sizeKey)),
      obstacles,
    );
    spans.forEach((span, i) => {
      const at = places[i];
      const translate = at && (at.dx || at.dy) ? `${at.dx}px ${at.dy}px` : '';
      span.toggleAttribute('data-covered', !at);
      // `translate` composes with the span's centring transform and moves nothing else
      if (span.style.translate !== translate) span.style.translate = translate;
    });
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(run);
  };
  const observer = markerPane ? new MutationObserver(schedule) : null;
  // new markers, and new labels (the base layer draws them again in another language)
  if (markerPane) observer!.observe(markerPane, { childList: true });
  observer?.observe(labelPane, { childList: true });
  map.on('zoomend moveend', schedule);
  schedule();
  return () => {
    observer?.disconnect();
    map.off('zoomend moveend', schedule);
    if (frame) cancelAnimationFrame(frame);
  };
}
