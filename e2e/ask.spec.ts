import { expect, test } from "@playwright/test";
import pg from "pg";
import { DB_PREFIX, dbUrl } from "../tests/setup/db";
import { signInAsAdmin } from "./helpers";

// An admin asks "revenue by week for the last 8 weeks" on the Ask page and sees a line chart.
// Paid payments over the last 8 weeks are put in the e2e database first, so the series has points.

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: dbUrl(`${DB_PREFIX}_e2e`) });
  await client.connect();
  try {
    await client.query(
      `insert into payments (id, provider, "checkoutSessionId", "amountCents", status, "paidAt", "createdAt", "updatedAt")
       select 'e2e-ask-' || w || '-' || md5(random()::text), 'local', 'cs_e2e_ask_' || w || '_' || md5(random()::text), 1000 + w * 250, 'SUCCEEDED',
              date_trunc('week', now()) - (w || ' weeks')::interval + interval '1 day', now(), now()
         from generate_series(0, 7) w`,
    );
  } finally {
    await client.end();
  }
});

test("an admin asks for weekly revenue and sees a line chart", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Ask" }).click();
  await expect(page.getByRole("heading", { name: "Ask" })).toBeVisible();

  await page.getByLabel("Question", { exact: true }).fill("revenue by week for the last 8 weeks");
  await page.getByRole("button", { name: "Ask", exact: true }).click();

  await expect(page.getByRole("status")).toContainText(/^Revenue in the last 8 weeks over \d+ weeks: \$[\d,.]+ in all/);
  const chart = page.getByRole("figure", { name: "Line chart of revenue by week" });
  await expect(chart).toBeVisible();
  await expect(chart.locator(".recharts-line-curve")).toHaveCount(1);
  expect(await chart.locator(".recharts-line-dot, .recharts-dot").count()).toBeGreaterThanOrEqual(8);
  // header + one row per week
  await expect(page.getByRole("table", { name: "Result" }).getByRole("row")).toHaveCount(9);
  await expect(page.getByLabel("SQL")).toHaveValue(/FROM analytics\.payments/);

  // Hostile SQL typed into the editor is refused with the rule, not run.
  await page.getByLabel("SQL").fill("delete from users");
  await page.getByRole("button", { name: "Run SQL" }).click();
  await expect(page.getByText("Only SELECT is allowed (this is DELETE).")).toBeVisible();
});
