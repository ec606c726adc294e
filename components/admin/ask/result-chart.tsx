"use client";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Chart } from "./types";

const COLORS = ["#4f46e5", "#0d9488", "#d97706", "#db2777"];

/** Time series → line, categories → bar; one series per numeric column. */
export function ResultChart({ chart, columns, rows }: { chart: NonNullable<Chart>; columns: string[]; rows: unknown[][] }) {
  const data = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
  const series = chart.y.slice(0, COLORS.length);
  const name = `${chart.kind === "line" ? "Line" : "Bar"} chart of ${series.join(", ")} by ${chart.x}`;
  return (
    <figure aria-label={name} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        {chart.kind === "line" ? (
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey={chart.x} />
            <YAxis />
            <Tooltip />
            {series.map((y, i) => <Line key={y} type="monotone" dataKey={y} stroke={COLORS[i]} strokeWidth={2} dot isAnimationActive={false} />)}
          </LineChart>
        ) : (
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey={chart.x} />
            <YAxis />
            <Tooltip />
            {series.map((y, i) => <Bar key={y} dataKey={y} fill={COLORS[i]} isAnimationActive={false} />)}
          </BarChart>
        )}
      </ResponsiveContainer>
      <figcaption className="sr-only">{name}</figcaption>
    </figure>
  );
}
