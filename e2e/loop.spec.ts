import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "./helpers";

// The whole loop in a real browser: approve an idea → the workers design it → an admin approves the
// listing on the review screen → the workers publish it to the storefront → the dashboard shows it published (by polling, no reload) → the shop shows the product.
// Selectors are role/label based (written against components/admin/ideas/idea-card.tsx: each NEW idea
// card has a button named "Approve"; the ideas list shows NEW ideas by default).

const PUBLISH_TIMEOUT = 120_000;

/** The listing title in the newest storefront publication row, or null when there is none. */
async function newestStorefrontRow(page: Page) {
  const table = page.getByRole("table", { name: "Publications" });
  if (!(await table.isVisible())) return null;
  const row = table.getByRole("row").nth(1);
  return { title: (await row.getByRole("rowheader").textContent())?.trim() ?? "", published: await row.getByText("published", { exact: true }).isVisible() };
}

async function showStorefrontPublications(page: Page) {
  await page.getByLabel("Marketplace").selectOption("LOCAL");
  // Either rows or the empty state once the filtered list has loaded.
  await expect(page.getByRole("table", { name: "Publications" }).or(page.getByText(/no publications/i))).toBeVisible();
}

test("approving an idea designs it, publishes it and puts it in the shop", async ({ page }) => {
  test.setTimeout(2 * PUBLISH_TIMEOUT + 60_000);
  await signInAsAdmin(page);

  // What the newest storefront publication is before we start.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Publications" }).click();
  await expect(page.getByRole("heading", { name: "Publications" })).toBeVisible();
  await showStorefrontPublications(page);
  const before = await newestStorefrontRow(page);

  // Approve the first NEW idea (the ideas page lists NEW ideas first; each card has an "Approve" button)
  // and wait until the server has answered, so leaving the page cannot cancel the request.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Ideas" }).click();
  await expect(page).toHaveURL(/\/admin\/ideas/);
  const approve = page.getByRole("button", { name: "Approve", exact: true }).first();
  await expect(approve).toBeVisible({ timeout: 30_000 });
  // The idea's title, read off its selection checkbox ("Select <title>") in the same card.
  const firstSelect = page.getByRole("checkbox", { name: /^Select / }).first();
  const ideaTitle = ((await firstSelect.getAttribute("aria-label")) ?? "").replace(/^Select /, "");
  expect(ideaTitle.length).toBeGreaterThan(0);
  const approved = page.waitForResponse((r) => r.url().includes("/api/trpc/") && r.url().includes("ideas.approve") && r.request().method() === "POST");
  await approve.click();
  expect((await approved).ok()).toBe(true);

  // The finished design waits on the review screen (auto-publish is off by default): approve it there.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Review" }).click();
  await expect(page.getByRole("heading", { name: "Review", exact: true })).toBeVisible();
  const reviewCard = page.getByRole("article", { name: new RegExp(`^Review: .*${ideaTitle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "i") });
  await expect
    .poll(
      async () => {
        if (await reviewCard.isVisible()) return true;
        await page.reload();
        return false;
      },
      { timeout: PUBLISH_TIMEOUT, intervals: [2_000] },
    )
    .toBe(true);
  const reviewed = page.waitForResponse((r) => r.url().includes("/api/trpc/") && r.url().includes("review.approve") && r.request().method() === "POST");
  await reviewCard.getByRole("button", { name: "Approve and publish" }).click();
  expect((await reviewed).ok()).toBe(true);

  // Navigate once to the publications dashboard; polling must bring the new row to "published".
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Publications" }).click();
  await showStorefrontPublications(page);
  let title = "";
  await expect
    .poll(
      async () => {
        const row = await newestStorefrontRow(page);
        if (!row || row.title === before?.title || !row.published) return false;
        title = row.title;
        return true;
      },
      { timeout: PUBLISH_TIMEOUT, intervals: [1_000] },
    )
    .toBe(true);
  // The listing made from the approved idea carries its title.
  expect(title.toLowerCase()).toContain(ideaTitle.toLowerCase());

  // The storefront lists it on the first page (newest first), and its page shows it.
  await page.goto("/");
  const card = page.getByRole("heading", { name: title, exact: true });
  await expect(card).toBeVisible();
  await card.click();
  await expect(page).toHaveURL(/\/products\//);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // On sale in the shop: every catalogue variant of its design's product types, with a cart button.
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeVisible();
});
