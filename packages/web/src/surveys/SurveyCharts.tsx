// The results page's charts, drawn with Recharts (SVG). Loaded on demand with the results page only.
// Each chart is an image for sighted readers; the table beside it carries the same figures for
// everyone (the chart is aria-hidden, the table is the accessible form).
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from './results';

/** Horizontal bars, one row a label: the frame both charts share (height grows with the rows). */
function HorizontalBars({ data, testId, rowHeight, padding, children }: { data: object[]; testId: string; rowHeight: number; padding: number; children: ReactNode }) {
  return (
    <div className="survey-chart" aria-hidden="true" data-testid={testId}>
      <ResponsiveContainer width="100%" height={Math.max(220, data.length * rowHeight + padding)}>
        <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" />
          <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
          <Tooltip />
          {children}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function BarsChart({ rows, valueName }: { rows: ChartRow[]; valueName: string }) {
  const data = rows.map((r) => ({ label: r.label, value: r.value ?? 0, withheld: r.value === null }));
  return (
    <HorizontalBars data={data} testId="survey-chart" rowHeight={26} padding={60}>
      <Bar dataKey="value" name={valueName} fill="#2b6cb0" isAnimationActive={false} />
    </HorizontalBars>
  );
}

export function ComparisonChart({ rows, fromName, toName }: { rows: { label: string; from: number | null; to: number | null }[]; fromName: string; toName: string }) {
  return (
    <HorizontalBars data={rows} testId="comparison-chart" rowHeight={34} padding={70}>
      <Legend />
      <Bar dataKey="from" name={fromName} fill="#a0aec0" isAnimationActive={false} />
      <Bar dataKey="to" name={toName} fill="#2b6cb0" isAnimationActive={false} />
    </HorizontalBars>
  );
}
