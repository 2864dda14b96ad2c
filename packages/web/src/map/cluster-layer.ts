// The map's sites: the clustering worker fetches and indexes them, and this layer asks it for the
// clusters of the view after every move and diffs the markers by key (never one React component
// per marker), adding the new ones a frame's budget at a time, those in sight first. Replies to an older view or an older filter are dropped by their sequence number.
import i18next from 'i18next';
import L from 'leaflet';
import type { OrganizationFilter } from '../gql/graphql';
import type { Lang } from '../shared/i18n/lang';
import { itemKey, padBox, type ClusterItem, type IndexSummary, type LngLatBox } from './cluster';
import type { WorkerRequest, WorkerResponse } from './cluster-protocol';
import { leavesPopup, markLang, pointPopup, type PointItem } from './popups';
import type { CategoryNode } from '../shared/categories';
import { adoptEarlySites, loadMessage, newSitesWorker } from './sites-worker';

export interface ClusterLayerEvents {
  onLoaded: (summary: IndexSummary) => void;
  /** The markers of a view are drawn (each time). */
  onDrawn: () => void;
  onError: (message: string) => void;
  /** The UI language and category names a site's popup is written with. */
  context: () => { lang: Lang; categories: Map<string, CategoryNode> | undefined };
}

type ExpandReply = Extract<WorkerResponse, { type: 'expand' }>;

/** Main-thread time (ms) a frame gives to adding markers (drawFrom). */
const DRAW_BUDGET_MS = 8;

/** An icon's content as an element: Leaflet parses an HTML string per marker (divIcon's `html`). */
function iconContent(text?: string): HTMLElement {
  const span = document.createElement('span');
  if (text) span.textContent = text;
  return span;
}

function clusterSize(count: number): 's' | 'm' | 'l' {
  return count < 10 ? 's' : count < 100 ? 'm' : 'l';
}

function sameSpot(leaves: { lat: number; lng: number }[]): boolean {
  return leaves.every((l) => Math.abs(l.lat - leaves[0]!.lat) < 1e-6 && Math.abs(l.lng - leaves[0]!.lng) < 1e-6);
}

export class ClusterLayer {
  /** Made (or taken over from the boot's head start, sites-worker.ts) by the first load. */
  private worker: Worker | null = null;
  private readonly markers: L.LayerGroup;
  private readonly live = new Map<string, L.Marker>();
  private readonly expandWaiters = new Map<number, (r: ExpandReply) => void>();
  private seq = 0;
  private latestClusterSeq = 0;
  private loadSeq = 0;
  private shownLoadSeq = -1;
  /** The frame that adds the markers a view still lacks (drawFrom), or 0. */
  private drawing = 0;
  private readonly onMoveEnd = () => this.requestClusters();

  constructor(
    private readonly map: L.Map,
    private readonly events: ClusterLayerEvents,
  ) {
    this.markers = L.layerGroup().addTo(map);
    map.on('moveend', this.onMoveEnd);
  }

  /** Fetches (in the worker) the sites of a filter in a language. */
  load(filter: OrganizationFilter, lang: Lang): void {
    if (!this.worker) {
      const early = adoptEarlySites(filter, lang);
      this.worker = early?.worker ?? newSitesWorker();
      this.worker.onmessage = (ev: MessageEvent<WorkerResponse>) => this.receive(ev.data);
      if (early) {
        // the boot already asked for these sites: wait for that answer instead of asking again
        this.seq = this.loadSeq = early.seq;
        for (const msg of early.said) this.receive(msg);
        return;
      }
    }
    const seq = ++this.seq;
    this.loadSeq = seq;
    this.post(loadMessage(seq, filter, lang));
  }

  dispose(): void {
    cancelAnimationFrame(this.drawing);
    this.map.off('moveend', this.onMoveEnd);
    this.worker?.terminate();
  }

  private post(msg: WorkerRequest): void {
    this.worker?.postMessage(msg);
  }

  private receive(msg: WorkerResponse): void {
    if (msg.type === 'loaded') {
      if (msg.seq !== this.loadSeq) return;
      this.events.onLoaded(msg.summary);
      this.requestClusters();
    } else if (msg.type === 'clusters') {
      if (msg.seq !== this.latestClusterSeq) return; // a newer view is on its way
      this.render(msg.items, msg.loadSeq);
    } else if (msg.type === 'expand') {
      this.expandWaiters.get(msg.seq)?.(msg);
      this.expandWaiters.delete(msg.seq);
    } else if (msg.type === 'error') {
      if (msg.seq === this.loadSeq) this.events.onError(msg.message);
    }
  }

  private requestClusters(): void {
    const b = this.map.getBounds();
    const box: LngLatBox = padBox([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], 0.5);
    const seq = ++this.seq;
    this.latestClusterSeq = seq;
    this.post({ type: 'clusters', seq, box, zoom: this.map.getZoom() });
  }

  private render(items: ClusterItem[], loadSeq: number): void {
    cancelAnimationFrame(this.drawing);
    if (loadSeq !== this.shownLoadSeq) {
      // new data (filter or language): start from a clean layer
      this.markers.clearLayers();
      this.live.clear();
      this.shownLoadSeq = loadSeq;
    }
    const wanted = new Map(items.map((i) => [itemKey(i), i]));
    for (const [key, marker] of this.live) {
      if (wanted.has(key)) continue;
      this.markers.removeLayer(marker);
      this.live.delete(key);
    }
    // the markers in sight first, then those of the margin the worker adds around the view
    const view = this.map.getBounds();
    const fresh = [...wanted].filter(([key]) => !this.live.has(key));
    const inSight = fresh.filter(([, i]) => view.contains([i.lat, i.lng]));
    this.drawFrom([...inSight, ...fresh.filter(([, i]) => !view.contains([i.lat, i.lng]))], 0);
  }

  /**
   * Adds markers from `queue[from]` on for DRAW_BUDGET_MS, and the rest in the next frames: after a
   * zoom the view's few hundred new markers took 100–140 ms in one task (each marker's icon, events
   * and DOM), long enough to stall the pan that follows. A newer view cancels what is left.
   */
  private drawFrom(queue: [string, ClusterItem][], from: number): void {
    const until = performance.now() + DRAW_BUDGET_MS;
    let i = from;
    for (; i < queue.length && (i === from || performance.now() < until); i++) {
      const [key, item] = queue[i]!;
      const marker = item.kind === 'cluster' ? this.clusterMarker(item) : this.pointMarker(item);
      this.live.set(key, marker);
      this.markers.addLayer(marker);
    }
    this.drawing = i < queue.length ? requestAnimationFrame(() => this.drawFrom(queue, i)) : 0;
    this.events.onDrawn();
  }

  private clusterMarker(item: Extract<ClusterItem, { kind: 'cluster' }>): L.Marker {
    const size = clusterSize(item.count);
    const label = i18next.t('map.cluster', { count: item.count });
    const marker = L.marker([item.lat, item.lng], {
      icon: L.divIcon({ className: `cm-cluster cm-cluster-${size}`, html: iconContent(String(item.count)), iconSize: size === 's' ? [30, 30] : size === 'm' ? [38, 38] : [46, 46] }),
      title: label,
      alt: label,
      keyboard: true,
      riseOnHover: true,
    });
    marker.on('add', () => {
      const node = marker.getElement();
      node?.setAttribute('data-count', String(item.count));
      node?.setAttribute('aria-label', label);
    });
    marker.on('click', () => this.expand(marker, item));
    return marker;
  }

  /** Zooms into a cluster, or lists its sites when they share one spot (or the zoom is at its end). */
  private expand(marker: L.Marker, item: Extract<ClusterItem, { kind: 'cluster' }>): void {
    const seq = ++this.seq;
    this.expandWaiters.set(seq, (r) => {
      if (r.expansionZoom <= this.map.getMaxZoom() && r.expansionZoom > this.map.getZoom() && !sameSpot(r.leaves)) {
        this.map.setView([item.lat, item.lng], r.expansionZoom);
      } else {
        marker.bindPopup(leavesPopup(r.leaves, r.total, this.events.context().lang), { maxWidth: 320 }).openPopup();
      }
    });
    this.post({ type: 'expand', seq, clusterId: item.id });
  }

  private pointMarker(item: PointItem): L.Marker {
    const marker = L.marker([item.lat, item.lng], {
      icon: L.divIcon({ className: `cm-point${item.verified ? ' cm-verified' : ''}`, html: iconContent(), iconSize: [18, 18] }),
      title: item.name,
      alt: item.name,
      keyboard: true,
      riseOnHover: true,
    });
    marker.on('add', () => {
      const node = marker.getElement();
      node?.setAttribute('data-org-id', item.organizationId);
      node?.setAttribute('data-location-id', item.locationId);
      node?.setAttribute('aria-label', item.name);
      // the marker is named in the language the name is in
      if (node) markLang(node, item.nameLang, this.events.context().lang);
    });
    marker.bindPopup(
      () => {
        const { lang, categories } = this.events.context();
        return pointPopup(item, lang, categories);
      },
      { maxWidth: 320, minWidth: 200 },
    );
    return marker;
  }
}
