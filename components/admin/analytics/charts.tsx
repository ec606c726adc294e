"use client";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Analytics } from "@/server/services/analytics/get-analytics";

const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 1000) / 10}%`);
const short = (day: string) => day.slice(5);

function Chart({ id, title, note, children }: { id: string; title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-zinc-200 bg-white p-4" data-testid={`chart-${id}`} aria-label={title}>
      <h2 className="font-medium">{title}</h2>
      {note && <p className="mt-0.5 text-xs text-zinc-500">{note}</p>}
      <div className="mt-3 h-64">{children}</div>
    </section>
  );
}

export function AnalyticsCharts({ data }: { data: Analytics }) {
  const money = data.money.map((d) => ({ day: short(d.day), revenue: d.revenueCents / 100, cost: d.costCents / 100, margin: d.marginCents / 100 }));
  const unknownCosts = data.money.reduce((s, d) => s + d.unknownCosts, 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Chart id="funnel" title="Funnel" note={data.funnel.slice(1).map((s) => `${s.step}: ${pct(s.conversion)}`).join(" · ")}>
        <ResponsiveContainer>
          <BarChart data={data.funnel}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="step" />
            <YAxis allowDecimals={false} />
            <Tooltip formatter={(v) => [String(v), "count"]} />
            <Bar dataKey="count" fill="#4f46e5" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Chart>
      <Chart id="money" title="Revenue, cost and margin (USD)" note={unknownCosts ? `${unknownCosts} calls have no price in the table: their cost is unknown and not in the cost line` : "All costs priced"}>
        <ResponsiveContainer>
          <LineChart data={money}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis />
            <Tooltip formatter={(v) => `$${Number(v).toFixed(2)}`} />
            <Legend />
            <Line dataKey="revenue" stroke="#16a34a" dot={false} isAnimationActive={false} />
            <Line dataKey="cost" stroke="#dc2626" dot={false} isAnimationActive={false} />
            <Line dataKey="margin" stroke="#4f46e5" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Chart>
      <Chart id="communities" title="Top communities by margin">
        <ResponsiveContainer>
          <BarChart data={data.topCommunities.map((c) => ({ name: c.community, margin: c.marginCents / 100 }))} layout="vertical" margin={{ left: 40 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" />
            <YAxis type="category" dataKey="name" width={90} />
            <Tooltip formatter={(v) => `$${Number(v).toFixed(2)}`} />
            <Bar dataKey="margin" fill="#0891b2" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Chart>
      <Chart id="themes" title="Top themes by margin">
        <ResponsiveContainer>
          <BarChart data={data.topThemes.map((c) => ({ name: c.theme, margin: c.marginCents / 100 }))} layout="vertical" margin={{ left: 40 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" />
            <YAxis type="category" dataKey="name" width={90} />
            <Tooltip formatter={(v) => `$${Number(v).toFixed(2)}`} />
            <Bar dataKey="margin" fill="#ca8a04" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Chart>
      <Chart id="ideas" title="Ideas a day" note="KPI: 200 a day">
        <ResponsiveContainer>
          <BarChart data={data.ideasPerDay.map((d) => ({ ...d, day: short(d.day) }))}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" />
            <YAxis allowDecimals={false} domain={[0, (max: number) => Math.max(max, 220)]} />
            <Tooltip />
            <ReferenceLine y={200} stroke="#dc2626" strokeDasharray="4 4" label="200/day" />
            <Bar dataKey="ideas" fill="#4f46e5" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Chart>
      <Chart id="sla" title="Signal to publish (minutes)" note={`p50 and p95 per day against the ${data.signalToPublish[0]?.slaMinutes ?? 120}-minute SLA`}>
        <ResponsiveContainer>
          <LineChart data={data.signalToPublish.map((d) => ({ ...d, day: short(d.day) }))}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis />
            <Tooltip formatter={(v) => (v === null ? "—" : `${Math.round(Number(v))} min`)} />
            <Legend />
            <ReferenceLine y={data.signalToPublish[0]?.slaMinutes ?? 120} stroke="#dc2626" strokeDasharray="4 4" label="SLA" />
            <Line dataKey="p50Minutes" name="p50" stroke="#16a34a" connectNulls isAnimationActive={false} />
            <Line dataKey="p95Minutes" name="p95" stroke="#ea580c" connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Chart>
      <Chart id="mockups" title="Mockup success" note="KPI: 95% of designs finish their print files and mockups">
        <ResponsiveContainer>
          <LineChart data={data.mockupSuccess.map((d) => ({ day: short(d.day), rate: d.rate === null ? null : d.rate * 100 }))}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} />
            <ReferenceLine y={95} stroke="#dc2626" strokeDasharray="4 4" label="95%" />
            <Line dataKey="rate" name="success" stroke="#4f46e5" connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Chart>
      <Chart id="experiments" title="Experiments: probability each arm is best" note={data.experiments.length ? "Posterior Beta(1+conversions, 1+views−conversions); promoted at the threshold" : "No experiments yet"}>
        <ResponsiveContainer>
          <BarChart data={data.experiments.flatMap((e) => e.arms.map((a) => ({ name: `${e.kind.toLowerCase()} ${e.id.slice(-4)} ${a.label}`, pBest: Math.round(a.pBest * 1000) / 10, loss: a.expectedLoss, mean: a.mean })))}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip formatter={(v, n) => (n === "pBest" ? `${v}%` : String(v))} />
            <ReferenceLine y={95} stroke="#dc2626" strokeDasharray="4 4" />
            <Bar dataKey="pBest" name="P(best)" fill="#7c3aed" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Chart>
      <section className="rounded-lg border border-zinc-200 bg-white p-4 lg:col-span-2" aria-label="Experiment arms">
        <h2 className="font-medium">Experiment arms</h2>
        <table className="mt-2 w-full text-sm">
          <thead className="text-left text-zinc-500"><tr><th>Experiment</th><th>Arm</th><th>Views</th><th>Conversions</th><th>Posterior mean</th><th>P(best)</th><th>Expected loss</th><th>Status</th></tr></thead>
          <tbody>
            {data.experiments.flatMap((e) => e.arms.map((a) => (
              <tr key={a.id} className="border-t border-zinc-100">
                <td>{e.kind.toLowerCase()} · {e.listingId.slice(-6)}</td>
                <td>{a.label}: {a.title ?? a.productType}</td>
                <td>{a.views}</td>
                <td>{a.conversions}</td>
                <td>{pct(a.mean)}</td>
                <td>{pct(a.pBest)}</td>
                <td>{(a.expectedLoss * 100).toFixed(3)} pp</td>
                <td>{e.winnerArmId === a.id ? "winner" : e.status.toLowerCase()}</td>
              </tr>
            )))}
          </tbody>
        </table>
      </section>
      <p className="text-sm text-zinc-600 lg:col-span-2">
        Spend in range: {usd(data.spend.discretionaryCents)} discretionary · {usd(data.spend.paidCents)} fulfilling paid commissions and orders
        {data.spend.unknownCount > 0 && ` · ${data.spend.unknownCount} calls of unknown cost`}
      </p>
    </div>
  );
}
