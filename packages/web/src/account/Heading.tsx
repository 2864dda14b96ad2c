import { useEffect, useRef, type ReactNode } from 'react';

/** Focuses the page's heading when it opens, so screen readers announce where they are. */
export function Heading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
