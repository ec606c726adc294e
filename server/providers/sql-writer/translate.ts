import {
  DIMENSION_WORDS, ENTITIES, EXAMPLE_QUESTIONS, NOT_YET, PRODUCT_TYPE_WORDS, REVENUE,
  type DimensionKey, type Entity, type Grain, type Measure,
} from "./semantic-layer";
import type { CannotAnswer, SqlDraft } from "./types";

// The offline translator: reads a question word by word against the semantic layer (metric, entity,
// dimension or time grain, period, filters, top-N, period comparison) and writes one SELECT over the
// analytics views. Every word must be understood; anything left over means "I can't answer that
// yet" with the nearest questions it can answer, never a guess.

type Period = { sql: (col: string) => string; label: string };

/** Words that carry no meaning for the query. */
const FILLER = new Set(
  ("a an the of in on for to by per with from at over during what whats what's how is are was were were did do does "
    + "show me list give get tell many much number count total all our we i you us there have has had been be "
    + "each every which that this those these so far please and or as it its their total_ sum up overall "
    + "made got received came brought generated value amount").split(/\s+/),
);

const UNITS: Record<string, Grain> = { day: "day", days: "day", week: "week", weeks: "week", month: "month", months: "month" };
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, thirty: 30 };

function calendarPeriod(which: "this" | "last", unit: "day" | "week" | "month" | "year"): Period {
  if (which === "this") {
    return { sql: (c) => `${c} >= date_trunc('${unit}', now())`, label: unit === "day" ? "today" : `this ${unit}` };
  }
  return {
    sql: (c) => `${c} >= date_trunc('${unit}', now()) - interval '1 ${unit}' AND ${c} < date_trunc('${unit}', now())`,
    label: unit === "day" ? "yesterday" : `last ${unit}`,
  };
}

/** The last N days/weeks/months, counting the current one: N whole buckets of a chart. */
function rollingPeriod(n: number, unit: Grain): Period {
  return {
    sql: (c) => (n === 1 ? `${c} >= date_trunc('${unit}', now())` : `${c} >= date_trunc('${unit}', now()) - interval '${n - 1} ${unit}s'`),
    label: `in the last ${n} ${unit}${n === 1 ? "" : "s"}`,
  };
}

type Parsed = {
  text: string;
  metric: "count" | "revenue" | "amount" | "average" | null;
  entity: Entity | null;
  dimension: DimensionKey | null;
  grain: Grain | null;
  period: Period | null;
  compare: [Period, Period] | null;
  community: string | null;
  filters: string[];
  productType: string | null;
  top: { n: number; dir: "DESC" | "ASC" } | null;
  averageWords: string[];
};

const esc = (s: string) => s.replace(/'/g, "''");

/** Remove the first match of `re` from the text, returning its groups. */
function take(p: Parsed, re: RegExp): RegExpExecArray | null {
  const m = re.exec(p.text);
  if (m) p.text = `${p.text.slice(0, m.index)} ${p.text.slice(m.index + m[0].length)}`;
  return m;
}

function periodFrom(which: string, unit: string): Period | null {
  const u = unit as "day" | "week" | "month" | "year";
  if (which === "this" || which === "current") return calendarPeriod("this", u);
  if (which === "last" || which === "previous" || which === "prior") return calendarPeriod("last", u);
  return null;
}

function parse(question: string): Parsed {
  const p: Parsed = {
    text: ` ${question.toLowerCase().replace(/[’`]/g, "'").replace(/[?!.,;:()"]/g, " ").replace(/\s+/g, " ").trim()} `,
    metric: null, entity: null, dimension: null, grain: null, period: null, compare: null, community: null,
    filters: [], productType: null, top: null, averageWords: [],
  };
  let m: RegExpExecArray | null;

  if ((m = take(p, /\b(?:in |from |for |on )?r\/([a-z0-9_]{2,21})\b/))) p.community = m[1];

  // Comparisons first: "this month vs last month", "this week compared to the previous week".
  if ((m = take(p, / (this|current|last|previous) (week|month|year) (?:vs|versus|compared to|compared with|against|and|to) (?:the )?(this|current|last|previous|prior) (week|month|year) /))) {
    const a = periodFrom(m[1], m[2]);
    const b = periodFrom(m[3], m[4]);
    if (a && b) p.compare = [a, b];
  } else if ((m = take(p, / (?:the )?(?:last|past) (\d+|[a-z]+) (days|weeks|months) (?:vs|versus|compared to|compared with|against) (?:the )?(?:previous|prior|preceding) (?:\1 )?(?:days|weeks|months)? /))) {
    const n = Number(m[1]) || NUMBER_WORDS[m[1]];
    const unit = UNITS[m[2]];
    if (n && unit) {
      const cur = rollingPeriod(n, unit);
      p.compare = [
        cur,
        {
          sql: (c) => `${c} >= date_trunc('${unit}', now()) - interval '${2 * n - 1} ${unit}s' AND ${c} < date_trunc('${unit}', now()) - interval '${n - 1} ${unit}s'`,
          label: `the ${n} ${unit}${n === 1 ? "" : "s"} before`,
        },
      ];
    }
  }
  take(p, / compare /);

  if (!p.compare) {
    if ((m = take(p, / (?:in |for |over |during )?(?:the )?(?:last|past|previous) (\d+|[a-z]+) (days|weeks|months) /))) {
      const n = Number(m[1]) || NUMBER_WORDS[m[1]];
      if (n) p.period = rollingPeriod(n, UNITS[m[2]]);
      else p.text += ` ${m[1]} `; // not a number: leave the word to be judged
    } else if ((m = take(p, / (?:in |over |during )?(?:the )?past (week|month|year) /))) {
      p.period = m[1] === "year" ? { sql: (c) => `${c} >= now() - interval '1 year'`, label: "in the past year" } : rollingPeriod(m[1] === "week" ? 7 : 30, "day");
    } else if ((m = take(p, / (?:in |for |during )?(this|current|last|previous) (week|month|year) /))) {
      p.period = periodFrom(m[1], m[2]);
    } else if ((m = take(p, / (today|yesterday) /))) {
      p.period = calendarPeriod(m[1] === "today" ? "this" : "last", "day");
    } else if ((m = take(p, / (?:in |over )?(?:the )?last (\d+) hours? /))) {
      const n = Number(m[1]);
      p.period = { sql: (c) => `${c} >= now() - interval '${n} hours'`, label: `in the last ${n} hours` };
    } else if ((m = take(p, / (?:this|so far this) (?:year) /))) {
      p.period = calendarPeriod("this", "year");
    }
  }

  // Grain: "by week", "per day", "weekly", "each month", "week by week", "over time".
  if ((m = take(p, / (?:by|per|each|every|a|grouped by) (day|week|month) | (daily|weekly|monthly) | (day|week|month) by (?:day|week|month) /))) {
    const w = m[1] ?? m[3] ?? m[2];
    p.grain = w === "daily" ? "day" : w === "weekly" ? "week" : w === "monthly" ? "month" : (w as Grain);
  }

  // Top-N and "which X has the most".
  if ((m = take(p, / (top|bottom) (?:(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve) )?(?:(product types?|communities|community|subreddits?|tiers?|marketplaces?|sources?|reasons?|providers?) )?/))) {
    p.top = { n: Number(m[2]) || NUMBER_WORDS[m[2] ?? ""] || 5, dir: m[1] === "top" ? "DESC" : "ASC" };
    if (m[3]) p.dimension = DIMENSION_WORDS[m[3]] ?? null;
  }
  if ((m = take(p, / (?:has |had |have |got |with |brought |generated |made |gets )?(?:the )?(most|highest|biggest|largest|best|least|fewest|lowest|smallest) /))) {
    p.top ??= { n: 1, dir: ["most", "highest", "biggest", "largest", "best"].includes(m[1]) ? "DESC" : "ASC" };
  }

  // Dimension: "by tier", "per community", "for each marketplace", "which community".
  if (!p.dimension && (m = take(p, / (?:by|per|for each|for every|each|across|split by|broken down by|grouped by|which|what) (product types?|communities|community|subreddits?|tiers?|status(?:es)?|state|marketplaces?|sources?|types?|kind|providers?|reasons?) /))) {
    p.dimension = DIMENSION_WORDS[m[1]] ?? null;
  }

  // Metric.
  if (take(p, / (?:how many|number of|count of|count) /)) p.metric = "count";
  if ((m = take(p, / (average|avg|mean) /))) p.metric = "average";
  if ((m = take(p, / (revenue|sales|income|earnings|turnover|earned|takings) /))) p.metric = "revenue";
  if (!p.metric && (m = take(p, / (?:how much|sum of|total amount|total value|total) /))) p.metric = "amount";

  // Product types ("mug ideas", "ideas for posters").
  for (const [word, value] of Object.entries(PRODUCT_TYPE_WORDS)) {
    if (take(p, new RegExp(` ${word.replace("-", "\\-")} `))) p.productType = value;
  }

  // Entity: the first noun that names one.
  for (const e of ENTITIES) {
    for (const w of e.words) {
      if (!p.entity && take(p, new RegExp(` ${w} `))) p.entity = e;
    }
  }
  if (p.entity && take(p, / (?:fundraising|fund raising) /)) {
    // "fundraising goals": the noun already named the entity
  }
  return p;
}

function cannot(question: string, why?: string): CannotAnswer {
  return {
    kind: "cannot",
    message: `I can't answer that yet${why ? `: ${why}` : ""}. Try one of the questions below.`,
    suggestions: nearestQuestions(question),
  };
}

/** The example questions sharing the most words with the question. */
export function nearestQuestions(question: string, n = 3): string[] {
  const stem = (w: string) => w.replace(/(ies)$/, "y").replace(/s$/, "");
  const words = new Set(question.toLowerCase().split(/[^a-z0-9/]+/).filter((w) => w && !FILLER.has(w)).map(stem));
  return EXAMPLE_QUESTIONS.map((q, i) => {
    const qs = q.split(/[^a-z0-9/]+/).filter((w) => w && !FILLER.has(w)).map(stem);
    return { q, score: qs.filter((w) => words.has(w)).length / Math.sqrt(qs.length + 1), i };
  })
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, n)
    .map((x) => x.q);
}

/** Translate a question into SQL over the analytics views, or say plainly that it cannot. */
export function translate(question: string): SqlDraft | CannotAnswer {
  const q = question.trim();
  if (!q) return cannot(q, "the question is empty");
  const lower = ` ${q.toLowerCase().replace(/[^a-z0-9/ -]/g, " ")} `;
  for (const [word, why] of Object.entries(NOT_YET)) {
    if (lower.includes(` ${word} `)) return cannot(q, why);
  }
  const p = parse(q);

  // Entity-specific filter words ("refunded", "gold", "zazzle", "approved") and average words.
  const entityForFilters = p.entity ?? (p.metric === "revenue" ? ENTITIES.find((e) => e.key === REVENUE.entity)! : null);
  if (entityForFilters) {
    for (const [word, cond] of Object.entries(entityForFilters.filters).sort((a, b) => b[0].length - a[0].length)) {
      if (take(p, new RegExp(` ${word} `))) p.filters.push(cond);
    }
  }
  if (p.metric === "average" && p.entity) {
    for (const a of p.entity.averages ?? []) for (const w of a.words) if (take(p, new RegExp(` ${w} `))) p.averageWords.push(w);
  }

  const leftover = p.text.split(" ").filter((w) => w && !FILLER.has(w));
  if (leftover.length) return cannot(q, `I don't know what "${leftover.join(" ")}" means here`);

  if (p.metric === "revenue") return revenueSql(q, p);
  if (!p.entity) return cannot(q, "it does not name something I can count (commissions, payments, ideas, …)");
  const e = p.entity;
  let measure: Measure;
  if (p.metric === "average") {
    const avgs = e.averages ?? [];
    const chosen = avgs.find((a) => a.words.some((w) => p.averageWords.includes(w))) ?? avgs[0];
    if (!chosen) return cannot(q, `there is no average defined for ${e.key}`);
    measure = chosen;
  } else if (p.metric === "amount" && e.amount) {
    measure = e.amount;
  } else {
    measure = { expr: "count(*)", as: e.key === "goals" ? "goals" : e.key, label: e.key };
  }
  let view = e.view;
  if (p.productType || p.dimension === "product type") {
    const alt = e.dimensionViews?.["product type"];
    if (!alt) return cannot(q, `${e.key} have no product type yet`);
    view = alt;
    if (p.productType) p.filters.push(`product_type = '${p.productType}'`);
  }
  let dimensionColumn: string | null = null;
  if (p.dimension) {
    dimensionColumn = e.dimensions[p.dimension] ?? null;
    if (!dimensionColumn) return cannot(q, `${e.key} cannot be split by ${p.dimension}`);
  }
  if (p.community) {
    if (!e.dimensions.community) return cannot(q, `${e.key} have no community`);
    p.filters.push(`community = '${esc(p.community)}'`);
  }
  return build(p, { view, measure, time: measure.time ?? e.time, dimensionColumn, what: e.key });
}

function revenueSql(q: string, p: Parsed): SqlDraft | CannotAnswer {
  const e = ENTITIES.find((x) => x.key === REVENUE.entity)!;
  if (p.entity && p.entity.key !== "payments") {
    const kind = REVENUE.kinds[p.entity.key];
    if (!kind) return cannot(q, `revenue is not defined for ${p.entity.key}`);
    p.filters.push(kind);
  }
  let dimensionColumn: string | null = null;
  if (p.dimension) {
    dimensionColumn = e.dimensions[p.dimension] ?? null;
    if (!dimensionColumn) return cannot(q, `revenue cannot be split by ${p.dimension} yet`);
  }
  if (p.productType) return cannot(q, "revenue per product type needs shop orders, which are not in the analytics surface yet");
  if (p.community) p.filters.push(`community = '${esc(p.community)}'`);
  return build(p, { view: e.view, measure: REVENUE, time: REVENUE.time!, dimensionColumn, what: "revenue" });
}

function build(p: Parsed, b: { view: string; measure: Measure; time: string; dimensionColumn: string | null; what: string }): SqlDraft {
  const { measure, time } = b;
  const from = `analytics.${b.view}`;
  const base = [measure.where, ...p.filters].filter(Boolean) as string[];
  const hint = { label: measure.label, money: measure.money };

  if (p.compare) {
    const parts = p.compare.map((period) => {
      const where = [...base, period.sql(time)];
      return `SELECT '${period.label}' AS period, ${measure.expr} AS ${measure.as}\nFROM ${from}\nWHERE ${where.join("\n  AND ")}`;
    });
    return {
      kind: "sql",
      sql: parts.join("\nUNION ALL\n"),
      explanation: `${cap(measure.label)} ${p.compare[0].label} compared with ${p.compare[1].label}.`,
      hint,
    };
  }

  const where = [...base];
  if (p.period) where.push(p.period.sql(time));
  const whereSql = where.length ? `\nWHERE ${where.join("\n  AND ")}` : "";
  const periodText = p.period ? ` ${p.period.label}` : "";
  const select: string[] = [];
  const group: string[] = [];
  if (p.grain) {
    select.push(`date_trunc('${p.grain}', ${time})::date AS ${p.grain}`);
    group.push(p.grain);
  }
  if (b.dimensionColumn) {
    select.push(b.dimensionColumn === p.dimension ? b.dimensionColumn : `${b.dimensionColumn} AS ${p.dimension!.replace(" ", "_")}`);
    group.push(p.dimension!.replace(" ", "_"));
  }
  select.push(`${measure.expr} AS ${measure.as}`);
  let sql = `SELECT ${select.join(", ")}\nFROM ${from}${whereSql}`;
  if (group.length) sql += `\nGROUP BY ${group.map((_, i) => i + 1).join(", ")}`;
  if (p.top && group.length) sql += `\nORDER BY ${measure.as} ${p.top.dir} NULLS LAST, 1\nLIMIT ${p.top.n}`;
  else if (group.length) sql += p.grain ? `\nORDER BY ${group.map((_, i) => i + 1).join(", ")}` : `\nORDER BY ${measure.as} DESC NULLS LAST, 1`;

  const split = [p.grain ? `by ${p.grain}` : null, b.dimensionColumn ? `by ${p.dimension}` : null].filter(Boolean).join(" and ");
  const explanation = `${cap(measure.label)}${split ? ` ${split}` : ""}${periodText}${p.filters.length ? ` (only ${p.filters.join(", ")})` : ""}${p.top && group.length ? `, ${p.top.dir === "DESC" ? "top" : "bottom"} ${p.top.n}` : ""}.`;
  return { kind: "sql", sql, explanation, hint: { ...hint, period: p.period?.label } };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
