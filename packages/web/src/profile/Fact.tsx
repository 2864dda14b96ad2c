import type { ReactNode } from 'react';

/** One entry of a profile's facts list (a `<dl className="facts">`): what is told, and what it says. */
export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
