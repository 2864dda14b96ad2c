// The results page's charts, drawn with Recharts (SVG). Loaded on demand with the results page only.
// Each chart is an image for sighted readers; the table beside it carries the same figures for
// everyone (the chart is aria-hidden, the table is the accessible form).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from './results';

export function BarsChart({ rows, valueName }: { rows: ChartRow[]; valueName: string }) {
  const data = rows.map((r) => ({ label: r.label, value: r.value ?? 0, withheld: r.value === null }));
  return (
    <div className="survey-chart" aria-hidden="true" data-testid="survey-chart">
      <ResponsiveContainer width="100%" height={Math.max(220, rows.length * 26 + 60)}>
        <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" />
          <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="value" name={valueName} fill="#2b6cb0" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ComparisonChart({ rows, fromName, toName }: { rows: { label: string; from: number | null; to: number | null }[]; fromName: string; toName: string }) {
  return (
    <div className="survey-chart" aria-hidden="true" data-testid="comparison-chart">
      <ResponsiveContainer width="100%" height={Math.max(220, rows.length * 34 + 70)}>
        <BarChart data={rows} layout="vertical" margin={{ left: 16, right: 24 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" />
          <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="from" name={fromName} fill="#a0aec0" isAnimationActive={false} />
          <Bar dataKey="to" name={toName} fill="#2b6cb0" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
