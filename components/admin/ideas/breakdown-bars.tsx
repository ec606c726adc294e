import type { Breakdown } from "./types";

const FACTORS = [
  { key: "freshness", label: "Freshness" },
  { key: "engagement", label: "Engagement" },
  { key: "novelty", label: "Novelty" },
  { key: "communityFit", label: "Community fit" },
  { key: "seasonality", label: "Seasonality" },
] as const;

type Explanation = Partial<Record<(typeof FACTORS)[number]["key"], Record<string, unknown>>>;

function describe(key: (typeof FACTORS)[number]["key"], e: Record<string, unknown> | undefined): string {
  if (!e) return "no details recorded";
  switch (key) {
    case "freshness":
      return `${e.ageHours} h old, half-life ${e.halfLifeHours} h`;
    case "engagement":
      return `${e.ratePerHour} pts/h (score ${e.score}, ${e.comments} comments); z = ${e.z} vs ${e.baseline} baseline of ${e.history} posts`;
    case "novelty":
      return e.similarity === null ? "no recent ideas to compare with" : `cosine ${e.similarity} to the centroid of ${e.recentIdeas} recent ideas`;
    case "communityFit":
      return `r/${e.community ?? "?"}: ${e.approved} approved of ${e.decided} decided (Beta(${e.alpha}, ${e.beta}) prior)`;
    case "seasonality": {
      const ev = e.event as { name: string; date: string; days: number; keyword: string } | null;
      return ev ? `${ev.name} on ${ev.date}, ${ev.days} days away (matched "${ev.keyword}")` : "no matching calendar event";
    }
  }
}

/** One bar per factor; hover for a summary, expand for every recorded input. */
export function BreakdownBars({ breakdown }: { breakdown: Breakdown | null }) {
  if (!breakdown) return <p className="text-xs text-zinc-500">Not scored (written on request).</p>;
  const ex = (breakdown.explanation ?? {}) as Explanation;
  const weights = (breakdown.weights ?? {}) as Record<string, number>;
  return (
    <div className="space-y-1.5">
      {FACTORS.map((f) => {
        const v = breakdown[f.key];
        const summary = describe(f.key, ex[f.key]);
        return (
          <details key={f.key} className="group text-xs">
            <summary className="flex cursor-pointer list-none items-center gap-2" title={summary}>
              <span className="w-28 shrink-0 text-zinc-600">{f.label}</span>
              <span className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-200" role="meter" aria-label={f.label} aria-valuenow={Math.round(v * 100)} aria-valuemin={0} aria-valuemax={100}>
                <span className="block h-full rounded-full bg-brand-500" style={{ width: `${Math.round(v * 100)}%` }} />
              </span>
              <span className="w-10 text-right tabular-nums">{v.toFixed(2)}</span>
              <span className="w-14 text-right text-zinc-400">×{weights[f.key] ?? "?"}</span>
            </summary>
            <div className="mt-1 ml-28 rounded bg-zinc-50 px-2 py-1 text-zinc-700">
              <p>{summary}</p>
              <pre className="mt-1 overflow-x-auto text-[11px] text-zinc-500">{JSON.stringify(ex[f.key] ?? {}, null, 1)}</pre>
            </div>
          </details>
        );
      })}
    </div>
  );
}
