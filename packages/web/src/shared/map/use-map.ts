// The React side of a small Leaflet map (a picker, the response-rate map): made once in its
// container by createMap, set up by the caller, disposed when the component goes.
import type L from 'leaflet';
import { useEffect, useRef, type RefObject } from 'react';
import { createMap } from './leaflet';

/**
 * A map made once in `container` (createMap with `options`); `setup` adds the layers and handlers
 * and returns what later effects need (`made.current`, null before and after), registering any
 * extra cleanup with `onDispose`. `onTilesOff` is told when the configuration has no tiles.
 */
export function useLeafletMap<T>(
  options: L.MapOptions,
  setup: (map: L.Map, container: HTMLDivElement, onDispose: (cleanup: () => void) => void) => T,
  onTilesOff?: () => void,
): { container: RefObject<HTMLDivElement | null>; made: RefObject<T | null> } {
  const container = useRef<HTMLDivElement>(null);
  const made = useRef<T | null>(null);
  useEffect(() => {
    const { map, dispose } = createMap(container.current!, options, onTilesOff);
    const cleanups: (() => void)[] = [];
    made.current = setup(map, container.current!, (cleanup) => cleanups.push(cleanup));
    return () => {
      cleanups.forEach((cleanup) => cleanup());
      dispose();
      made.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the map is made once; later effects update it through `made`
  }, []);
  return { container, made };
}
