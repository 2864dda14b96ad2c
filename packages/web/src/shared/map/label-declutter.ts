// Place names yield to the map's symbols, as in any GIS: a municipality's name that a marker or
// cluster would cover moves just above, below, right or left of its anchor if there it is clear of
// every marker and of the other names, and is hidden otherwise (it comes back when a zoom or pan uncovers it). Markers and labels move
// together while the map is dragged, so the placement is computed again only when the markers
// change (the cluster layer redraws them after a move) and after a zoom, in the next frame, with
// one read of the layout and one write.
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

/** A label's box at its anchor (without the nudge it has now). */
function anchorBox(span: HTMLElement): Box {
  const r = span.getBoundingClientRect();
  return shifted(r, { dx: -Number(span.dataset.dx || 0), dy: -Number(span.dataset.dy || 0) });
}

/**
 * Keeps the label spans in `labelPane` clear of the icons in `markerPane`; returns the cleanup.
 * Hidden labels get `data-covered`, every label `data-dx` and `data-dy` (its offset in px).
 */
export function declutterLabels(map: L.Map, labelPane: HTMLElement): () => void {
  const markerPane = map.getPane('markerPane');
  let frame = 0;
  const run = () => {
    frame = 0;
    const spans = [...labelPane.querySelectorAll<HTMLElement>('.cm-mun-label span')];
    if (!spans.length || !markerPane) return;
    const icons = markerPane.querySelectorAll<HTMLElement>('.leaflet-marker-icon');
    const obstacles = [...icons].map((i) => i.getBoundingClientRect());
    const places = placeLabels(spans.map(anchorBox), obstacles);
    spans.forEach((span, i) => {
      const at = places[i];
      span.toggleAttribute('data-covered', !at);
      span.dataset.dx = String(at?.dx ?? 0);
      span.dataset.dy = String(at?.dy ?? 0);
      // `translate` composes with the span's centring transform and moves nothing else
      span.style.translate = at && (at.dx || at.dy) ? `${at.dx}px ${at.dy}px` : '';
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
