import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "./helpers";

/** A safe post from the shipped demo data (used when nothing is trending yet). */
function demoPostUrl(): string {
  const dir = join(process.cwd(), "data/reddit");
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const listing = JSON.parse(readFileSync(join(dir, f), "utf8")) as { data: { children: { data: { permalink?: string; over_18?: boolean; stickied?: boolean; subreddit: string; id: string } }[] } };
    const post = listing.data.children.map((c) => c.data).find((p) => !p.over_18 && !p.stickied);
    if (post) return `https://www.reddit.com${post.permalink ?? `/r/${post.subreddit}/comments/${post.id}/`}`;
  }
  throw new Error("no demo post in data/reddit");
}

test("a shopper commissions a post, pays on the test checkout, watches it being made, and the admin sees it", async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto("/commission");
  await expect(page.getByRole("heading", { name: "Commission a design" })).toBeVisible();

  await page.getByRole("radio", { name: /A specific post/ }).check();
  const trending = page.getByRole("button", { name: /^Use post:/ });
  if ((await trending.count()) > 0) {
    await trending.first().click();
    await expect(page.getByRole("textbox", { name: "Reddit post URL" })).toHaveValue(/reddit\.com\/.+\/comments\//);
  } else {
    await page.getByRole("textbox", { name: "Reddit post URL" }).fill(demoPostUrl());
  }
  await page.getByRole("radio", { name: /^Gold/ }).check();
  await page.getByLabel("Message (optional)").fill("For the garden club");
  await page.getByLabel("Email for the receipt (optional)").fill("shopper@example.test");
  await page.getByRole("button", { name: "Continue to payment" }).click();

  await expect(page).toHaveURL(/\/checkout\/cs_local_/, { timeout: 20_000 });
  await expect(page.getByText("TEST CHECKOUT — no real money moves")).toBeVisible();
  await page.getByRole("button", { name: /^Pay / }).click();

  await expect(page).toHaveURL(/\/c\/[A-Za-z0-9_-]{43}$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Your commission" })).toBeVisible();
  await expect(page.getByText(/s•+@example\.test/)).toBeVisible();
  const activity = page.getByRole("list", { name: "Activity" });
  for (const text of ["received", "Finding the post", "Checking the content", "Writing the idea", "Generating the design", "Publishing the product", "Your product is ready"]) {
    await expect(activity.getByText(text).first()).toBeVisible({ timeout: 90_000 });
  }
  const productLink = page.getByRole("link", { name: /^View / });
  await expect(productLink).toBeVisible({ timeout: 90_000 });
  await expect(productLink).toHaveAttribute("href", /^\/products\//);
  const id = (await page.getByTestId("commission-ref").textContent())!.trim();

  await signInAsAdmin(page);
  await page.goto("/admin/commissions?status=COMPLETED");
  await expect(page.getByRole("heading", { name: "Commissions" })).toBeVisible();
  const row = page.locator(`a[href="/admin/commissions/${id}"]`);
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByRole("heading", { name: "Gold commission" })).toBeVisible();
  await expect(page.getByText("completed").first()).toBeVisible();
  await expect(page.getByText("Payment $25.00 via local")).toBeVisible();
});
