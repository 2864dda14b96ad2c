// When the map's view reaches the URL: once the map has rested, not after every move of a pan.
// Each write (history.replaceState, and the page rendering again for the new URL) took 50–100 ms of
// the main thread, and written after each moveend of a pan it made the pan's long tasks.
import type { MapView } from './filter';

/** How long the map must rest before its view is written (ms). */
export const VIEW_URL_DELAY_MS = 400;

export interface ViewWriter {
  /** The map moved here: write it once it has rested `delayMs`, unless it moves again first. */
  moved(view: MapView): void;
  /**
   * The latest view (null before the first move) for a navigation that carries it: that
   * navigation replaces the pending write, which is dropped.
   */
  take(): MapView | null;
  /** Stops; returns the view moved to but not written yet, if any. */
  stop(): MapView | null;
}

export function viewWriter(write: (view: MapView) => void, delayMs = VIEW_URL_DELAY_MS): ViewWriter {
  let latest: MapView | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    const was = pending !== undefined;
    clearTimeout(pending);
    pending = undefined;
    return was;
  };
  return {
    moved(view) {
      latest = view;
      cancel();
      pending = setTimeout(() => {
        pending = undefined;
        write(view);
      }, delayMs);
    },
    take() {
      cancel();
      return latest;
    },
    stop() {
      return cancel() ? latest : null;
    },
  };
}
