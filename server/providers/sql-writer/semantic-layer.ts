// The semantic layer the offline translator reads: for each analytics view, the words that name it,
// its time column, the dimensions it can be split by, the filters its words stand for and the
// measures it carries. Views come from prisma/migrations/*_analytics; to make a new view askable,
// add one entry here (e.g. orders, costs, events — see README "Ask your data").

export type DimensionKey = "community" | "tier" | "status" | "product type" | "marketplace" | "source" | "type" | "kind" | "provider" | "reason";
export type Grain = "day" | "week" | "month";

export type Measure = {
  /** SQL aggregate over the view's rows. */
  expr: string;
  /** Column name in the answer. */
  as: string;
  /** What the number means, for the one-sentence answer. */
  label: string;
  money?: boolean;
  /** Rows that count for this measure (e.g. only paid ones). */
  where?: string;
  /** Time column for period filters and grains, when not the entity's own. */
  time?: string;
};

export type Entity = {
  key: string;
  view: string;
  /** Nouns that name it in a question (plural and singular). */
  words: string[];
  /** Default time column. */
  time: string;
  dimensions: Partial<Record<DimensionKey, string>>;
  /** Dimensions answered from another view (e.g. ideas per product type). */
  dimensionViews?: Partial<Record<DimensionKey, string>>;
  /** Words that filter rows: word → SQL condition. */
  filters: Record<string, string>;
  /** "How much" / "total": sum of the entity's money column. */
  amount?: Measure;
  /** "average …": the first whose words occur, else the default (first). */
  averages?: Array<Measure & { words: string[] }>;
};

const money = (col: string) => `round(coalesce(sum(${col}), 0) / 100.0, 2)`;
const avgMoney = (col: string) => `round(avg(${col}) / 100.0, 2)`;
const status = (...s: string[]) => (s.length === 1 ? `status = '${s[0]}'` : `status IN (${s.map((x) => `'${x}'`).join(", ")})`);

export const TIERS = ["bronze", "silver", "gold", "platinum", "diamond"];
const tierFilters = Object.fromEntries(TIERS.map((t) => [t, `tier = '${t}'`]));

export const ENTITIES: Entity[] = [
  {
    key: "signals",
    view: "signals",
    words: ["signals", "signal", "posts", "post"],
    time: "created_at",
    dimensions: { community: "community", status: "status", source: "source" },
    filters: { rejected: status("REJECTED"), scored: status("SCORED"), new: status("NEW"), ideated: status("IDEATED") },
    averages: [
      { words: ["score"], expr: "round(avg(total_score)::numeric, 3)", as: "average_score", label: "average score" },
      { words: ["upvotes", "votes"], expr: "round(avg(upvotes), 1)", as: "average_upvotes", label: "average upvotes" },
      { words: ["comments"], expr: "round(avg(comments), 1)", as: "average_comments", label: "average comments" },
    ],
  },
  {
    key: "ideas",
    view: "ideas",
    words: ["ideas", "idea"],
    time: "created_at",
    dimensions: { community: "community", status: "status", "product type": "product_type" },
    dimensionViews: { "product type": "idea_product_types" },
    filters: { approved: status("APPROVED"), rejected: status("REJECTED"), new: status("NEW"), designed: status("DESIGNED"), published: status("PUBLISHED") },
    averages: [{ words: ["score"], expr: "round(avg(score)::numeric, 3)", as: "average_score", label: "average score" }],
  },
  {
    key: "designs",
    view: "designs",
    words: ["designs", "design"],
    time: "created_at",
    dimensions: { community: "community", status: "status", provider: "provider" },
    filters: { failed: status("FAILED"), done: status("DONE"), finished: status("DONE"), completed: status("DONE"), queued: status("QUEUED"), running: status("RUNNING") },
    averages: [{ words: ["duration", "time", "seconds", "long"], expr: "round(avg(duration_seconds), 1)", as: "average_seconds", label: "average duration (seconds)" }],
  },
  {
    key: "listings",
    view: "listings",
    words: ["listings", "listing"],
    time: "created_at",
    dimensions: { community: "community" },
    filters: {},
    averages: [{ words: ["price"], expr: avgMoney("price_cents"), as: "average_price", label: "average price", money: true }],
  },
  {
    key: "publications",
    view: "publications",
    words: ["publications", "publication"],
    time: "created_at",
    dimensions: { community: "community", status: "status", marketplace: "marketplace" },
    filters: {
      published: status("PUBLISHED"), failed: status("FAILED"), queued: status("QUEUED"),
      zazzle: "marketplace = 'ZAZZLE'", printful: "marketplace = 'PRINTFUL'", storefront: "marketplace = 'LOCAL'",
    },
  },
  {
    key: "products",
    view: "products",
    words: ["products", "product"],
    time: "published_at",
    dimensions: { community: "community" },
    filters: {},
    averages: [{ words: ["price"], expr: avgMoney("price_cents"), as: "average_price", label: "average price", money: true }],
  },
  {
    key: "commissions",
    view: "commissions",
    words: ["commissions", "commission"],
    time: "created_at",
    dimensions: { community: "community", tier: "tier", status: "status", type: "type" },
    filters: {
      ...tierFilters,
      refunded: status("REFUNDED"), completed: status("COMPLETED"), paid: "paid_at IS NOT NULL", unpaid: status("AWAITING_PAYMENT"),
      failed: status("PAYMENT_FAILED"), expired: status("EXPIRED"), "in progress": status("IN_PROGRESS"), "needs review": status("NEEDS_REVIEW"),
    },
    amount: { expr: money("amount_cents"), as: "amount", label: "paid for commissions", money: true, where: "paid_at IS NOT NULL" },
    averages: [{ words: ["amount", "value", "price", "size"], expr: avgMoney("amount_cents"), as: "average_amount", label: "average commission amount", money: true, where: "paid_at IS NOT NULL" }],
  },
  {
    key: "payments",
    view: "payments",
    words: ["payments", "payment"],
    time: "created_at",
    dimensions: { community: "community", tier: "tier", status: "status", kind: "kind", provider: "provider" },
    filters: {
      ...tierFilters,
      refunded: "refunded_cents > 0", successful: "paid_at IS NOT NULL", succeeded: "paid_at IS NOT NULL", paid: "paid_at IS NOT NULL",
      failed: status("FAILED"), pending: status("PENDING"), expired: status("EXPIRED"),
    },
    amount: { expr: money("amount_cents"), as: "amount", label: "paid", money: true, where: "paid_at IS NOT NULL" },
    averages: [{ words: ["amount", "value", "payment"], expr: avgMoney("amount_cents"), as: "average_amount", label: "average payment", money: true, where: "paid_at IS NOT NULL" }],
  },
  {
    key: "refunds",
    view: "refunds",
    words: ["refunds", "refund", "refunded"],
    time: "created_at",
    dimensions: { community: "community", tier: "tier", status: "status", reason: "reason" },
    filters: { ...tierFilters, succeeded: status("SUCCEEDED"), successful: status("SUCCEEDED"), failed: status("FAILED"), pending: status("PENDING") },
    amount: { expr: money("amount_cents"), as: "amount", label: "refunded", money: true, where: status("SUCCEEDED") },
    averages: [{ words: ["amount", "value"], expr: avgMoney("amount_cents"), as: "average_amount", label: "average refund", money: true, where: status("SUCCEEDED") }],
  },
  {
    key: "donations",
    view: "donations",
    words: ["donations", "donation", "donated"],
    time: "created_at",
    dimensions: { community: "community", status: "status" },
    filters: { paid: status("PAID"), refunded: status("REFUNDED"), pending: status("PENDING"), failed: status("FAILED") },
    amount: { expr: money("amount_cents"), as: "amount", label: "donated", money: true, where: status("PAID") },
    averages: [{ words: ["amount", "value", "donation", "size"], expr: avgMoney("amount_cents"), as: "average_amount", label: "average donation", money: true, where: status("PAID") }],
  },
  {
    key: "goals",
    view: "fundraising_goals",
    words: ["goals", "goal"],
    time: "created_at",
    dimensions: { community: "community" },
    filters: { active: "active" },
  },
];

/** Revenue: money kept from paid checkouts (commissions and donations), net of refunds. */
export const REVENUE: Measure & { entity: string; kinds: Record<string, string> } = {
  entity: "payments",
  expr: money("net_cents"),
  as: "revenue",
  label: "revenue",
  money: true,
  where: "paid_at IS NOT NULL",
  time: "paid_at",
  // "commission revenue" / "revenue from donations"
  kinds: { commissions: "kind = 'commission'", donations: "kind = 'donation'" },
};

/** Words that name a dimension. */
export const DIMENSION_WORDS: Record<string, DimensionKey> = {
  community: "community", communities: "community", subreddit: "community", subreddits: "community",
  tier: "tier", tiers: "tier", status: "status", statuses: "status", state: "status",
  "product type": "product type", "product types": "product type", marketplace: "marketplace", marketplaces: "marketplace",
  source: "source", sources: "source", type: "type", types: "type", kind: "kind", provider: "provider", providers: "provider",
  reason: "reason", reasons: "reason",
};

/** Product types as shoppers say them → the stored value. */
export const PRODUCT_TYPE_WORDS: Record<string, string> = {
  tee: "tee", tees: "tee", "t-shirt": "tee", "t-shirts": "tee", tshirt: "tee", tshirts: "tee", shirt: "tee", shirts: "tee",
  mug: "mug", mugs: "mug", poster: "poster", posters: "poster", sticker: "sticker", stickers: "sticker",
};

/** Money the shop does not record yet: questions about it get a plain "not yet". */
export const NOT_YET: Record<string, string> = {
  cost: "costs are not recorded in the analytics surface yet",
  costs: "costs are not recorded in the analytics surface yet",
  spend: "costs are not recorded in the analytics surface yet",
  spent: "costs are not recorded in the analytics surface yet",
  margin: "margin needs costs, which are not recorded in the analytics surface yet",
  margins: "margin needs costs, which are not recorded in the analytics surface yet",
  profit: "profit needs costs, which are not recorded in the analytics surface yet",
  orders: "shop orders are not in the analytics surface yet (commissions and payments are)",
  order: "shop orders are not in the analytics surface yet (commissions and payments are)",
  customers: "shoppers are personal data and are not in the analytics surface",
  customer: "shoppers are personal data and are not in the analytics surface",
  email: "emails are personal data and are not in the analytics surface",
  emails: "emails are personal data and are not in the analytics surface",
  address: "addresses are personal data and are not in the analytics surface",
  addresses: "addresses are personal data and are not in the analytics surface",
  password: "secrets are not in the analytics surface",
  passwords: "secrets are not in the analytics surface",
  users: "user accounts are not in the analytics surface",
};

/** Questions the translator answers, offered when it cannot answer one. */
export const EXAMPLE_QUESTIONS = [
  "revenue by week for the last 8 weeks",
  "revenue this month vs last month",
  "revenue by day for the last 30 days",
  "top 5 communities by revenue",
  "revenue by tier this month",
  "how many commissions in the last 7 days",
  "commissions by tier",
  "how many refunded commissions this month",
  "average commission amount by tier",
  "how much was donated by community",
  "total refunded this month",
  "ideas by status",
  "ideas by product type",
  "designs by status this week",
  "publications by marketplace",
  "how many signals in r/cats",
  "which community has the most signals",
  "average design duration",
];
