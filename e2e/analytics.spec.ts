import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import sharp from "sharp";
import { dbUrl, DB_PREFIX } from "../tests/setup/db";
import { signInAsAdmin } from "./helpers";

// Seeds ten days of loop history straight into the e2e database (the server reads what is there),
// then checks that every chart on the analytics page draws marks, and that a screenshot of a chart
// is not blank.

const CHARTS = ["funnel", "money", "communities", "themes", "ideas", "sla", "mockups", "experiments"];

async function seed() {
  const client = new pg.Client({ connectionString: dbUrl(`${DB_PREFIX}_e2e`) });
  await client.connect();
  try {
    const tag = randomUUID().replace(/-/g, "").slice(0, 10);
    await client.query(`INSERT INTO sources (id, key, kind, name, "updatedAt") VALUES ($1, 'e2e-growth', 'LOCAL', 'e2e growth', now()) ON CONFLICT (key) DO NOTHING`, [`src${tag}`]);
    const { rows: [src] } = await client.query(`SELECT id FROM sources WHERE key = 'e2e-growth'`);
    const listings: string[] = [];
    for (let k = 0; k < 12; k++) {
      const id = `${tag}${String(k).padStart(3, "0")}`;
      const community = ["e2ecats", "e2edogs", "e2eplants"][k % 3];
      const theme = ["cozy cats", "good dogs", "plant parents", "night owls"][k % 4];
      const daysAgo = k % 9;
      const minutes = 20 + ((k * 37) % 200); // some publishes beyond the 2 h SLA
      await client.query(
        `INSERT INTO signals (id, "sourceId", "externalId", "contentHash", community, title, "postedAt", keywords, raw, status, "createdAt", "updatedAt")
         VALUES ($1, $2, $1, $1, $3, 'e2e signal', now(), '{}', '{}', 'IDEATED', now() - make_interval(days => $4, mins => $5), now())`,
        [`sg${id}`, src.id, community, daysAgo, minutes],
      );
      await client.query(
        `INSERT INTO ideas (id, "signalId", theme, title, "imagePrompt", "productTypes", "promptVersion", writer, status, "createdAt", "updatedAt")
         VALUES ($1, $2, $3, 'e2e idea', 'x', '{tee}', 'e2e', 'e2e', 'PUBLISHED', now() - make_interval(days => $4), now())`,
        [`id${id}`, `sg${id}`, theme, daysAgo],
      );
      await client.query(
        `INSERT INTO designs (id, "ideaId", provider, status, progress, prompt, "finishedAt", "createdAt", "updatedAt") VALUES ($1, $2, 'local', $3, 100, 'x', now() - make_interval(days => $4), now(), now())`,
        [`ds${id}`, `id${id}`, k === 5 ? "FAILED" : "DONE", daysAgo],
      );
      await client.query(`INSERT INTO listings (id, "designId", title, description, "priceCents", "createdAt", "updatedAt") VALUES ($1, $2, 'e2e listing', 'd', 2500, now(), now())`, [`ls${id}`, `ds${id}`]);
      await client.query(
        `INSERT INTO publications (id, "listingId", marketplace, status, "publishedAt", "createdAt", "updatedAt") VALUES ($1, $2, 'LOCAL', 'PUBLISHED', now() - make_interval(days => $3), now(), now())`,
        [`pb${id}`, `ls${id}`, daysAgo],
      );
      listings.push(`ls${id}`);
    }
    // Views every day for each listing, and sales on some days.
    await client.query(
      `INSERT INTO outcome_events (kind, source, "occurredAt", "listingId", "ideaId", community, theme, marketplace, quantity, "revenueCents")
       SELECT CASE WHEN (g % 17) = 0 THEN 'PURCHASE'::"OutcomeKind" ELSE 'VIEW'::"OutcomeKind" END, 'STOREFRONT', now() - make_interval(days => (g % 10)),
              l.id, i.id, s.community, i.theme, CASE WHEN g % 2 = 0 THEN 'LOCAL'::"Marketplace" ELSE 'ZAZZLE'::"Marketplace" END, 1, CASE WHEN (g % 17) = 0 THEN 1500 + (g % 7) * 300 ELSE 0 END
       FROM unnest($1::text[]) AS l(id) JOIN listings li ON li.id = l.id JOIN designs d ON d.id = li."designId" JOIN ideas i ON i.id = d."ideaId" JOIN signals s ON s.id = i."signalId",
            generate_series(1, 120) g`,
      [listings],
    );
    await client.query(
      `INSERT INTO outcome_daily (day, community, marketplace, kind, events, quantity, "revenueCents", "updatedAt")
       SELECT ("occurredAt" AT TIME ZONE 'UTC')::date, coalesce(community, ''), coalesce(marketplace, 'LOCAL'), kind, count(*), sum(quantity), sum("revenueCents"), now()
       FROM outcome_events WHERE "listingId" = ANY($1) GROUP BY 1, 2, 3, 4
       ON CONFLICT (day, community, marketplace, kind) DO UPDATE SET events = outcome_daily.events + excluded.events, quantity = outcome_daily.quantity + excluded.quantity, "revenueCents" = outcome_daily."revenueCents" + excluded."revenueCents"`,
      [listings],
    );
    await client.query(
      `INSERT INTO cost_entries (id, provider, operation, "priceKey", units, unit, "amountMicros", "ideaId", community, "occurredAt", "updatedAt")
       SELECT 'ce' || $1 || g, 'openai', 'images', 'openai:gpt-image-1', 1, 'image', 4200000, 'id' || $1 || lpad((g % 12)::text, 3, '0'), (ARRAY['e2ecats','e2edogs','e2eplants'])[(g % 3) + 1], now() - make_interval(days => g % 10), now()
       FROM generate_series(1, 30) g`,
      [tag],
    );
    const exp = `ex${tag}`;
    await client.query(`INSERT INTO experiments (id, "listingId", kind, "updatedAt") VALUES ($1, $2, 'TITLE', now())`, [exp, listings[0]]);
    await client.query(
      `INSERT INTO experiment_arms (id, "experimentId", label, title, views, conversions, "updatedAt") VALUES ($1, $3, 'A', 'Loaf mode', 400, 8, now()), ($2, $3, 'B', 'Cat loaf supreme', 410, 17, now())`,
      [`aa${tag}`, `ab${tag}`, exp],
    );
  } finally {
    await client.end();
  }
}

test("the analytics page draws every chart from seeded data, and a chart screenshot is not blank", async ({ page }) => {
  await seed();
  await signInAsAdmin(page);
  await page.goto("/admin/analytics");
  await expect(page.getByRole("heading", { name: "Analytics" })).toBeVisible();

  for (const id of CHARTS) {
    const chart = page.getByTestId(`chart-${id}`);
    await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
    // Marks, not just axes: bar rectangles or drawn line paths with real geometry.
    const marks = chart.locator(".recharts-bar-rectangle path, .recharts-line-curve");
    await expect.poll(async () => marks.count(), { message: `${id} has marks` }).toBeGreaterThan(0);
  }
  const moneyLine = page.getByTestId("chart-money").locator(".recharts-line-curve").first();
  expect((await moneyLine.getAttribute("d"))?.length ?? 0).toBeGreaterThan(50);
  expect(await page.getByTestId("chart-funnel").locator(".recharts-bar-rectangle path").count()).toBe(5);

  // Pixel check: a drawn chart has many distinct colours and real variance; a blank one does not.
  const png = await page.getByTestId("chart-money").locator(".recharts-wrapper").screenshot();
  const { channels } = await sharp(png).stats();
  const stdev = channels.slice(0, 3).reduce((s, c) => s + c.stdev, 0) / 3;
  expect(stdev).toBeGreaterThan(8);
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += info.channels * 7) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  expect(colours.size).toBeGreaterThan(20);

  // Filters narrow the data: one community's funnel still draws.
  await page.getByLabel("Community").selectOption("e2ecats");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/community=e2ecats/);
  await expect(page.getByTestId("chart-communities").locator(".recharts-bar-rectangle path")).toHaveCount(1);
});
