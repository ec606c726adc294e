import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "./helpers";

// An admin connects a local-outbox account, publishes a product (approving an idea runs design →
// storefront publication → the promote hook), approves the draft, and sees it posted — the window is
// "any time" and the interval 0, so nothing waits — with its audit trail.

const HANDLE = `e2e-shop-${Date.now().toString(36)}`;
const PIPELINE_TIMEOUT = 150_000;

async function nav(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name }).click();
}

test("connect an outbox account, publish, approve the draft, see it posted with the audit trail", async ({ page }) => {
  test.setTimeout(PIPELINE_TIMEOUT + 90_000);
  await signInAsAdmin(page);

  // Brand + account (dry run by default).
  await nav(page, "Promote");
  await expect(page.getByRole("heading", { name: "Promote", level: 1 })).toBeVisible();
  const brandForm = page.getByRole("form", { name: "Add a brand" });
  await brandForm.getByLabel("Brand name").fill(`E2E Brand ${HANDLE}`);
  await brandForm.getByRole("button", { name: "Add brand" }).click();
  const connect = page.getByRole("form", { name: "Connect an account" });
  await expect(connect.getByLabel("Brand")).toHaveValue(/.+/);
  await connect.getByLabel("Brand").selectOption({ label: `E2E Brand ${HANDLE}` });
  await connect.getByLabel("Platform").selectOption("OUTBOX");
  await connect.getByLabel("Handle").fill(HANDLE);
  await connect.getByLabel("Voice").fill("playful");
  await connect.getByLabel("Hashtags (comma separated)").fill("merchloop");
  await connect.getByLabel("Time zone").fill("Europe/Berlin");
  await connect.getByLabel("Posting windows").fill("");
  await connect.getByLabel("Minimum minutes between posts").fill("0");
  await connect.getByRole("button", { name: "Connect account" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Connected ${HANDLE}` })).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: HANDLE }) });
  await expect(card.getByText("dry run", { exact: true })).toBeVisible();
  await expect(card.getByRole("checkbox", { name: /Auto-post/ })).not.toBeChecked();

  // Publish a product: approve the first new idea; the workers design and publish it.
  await nav(page, "Ideas");
  const approveIdea = page.getByRole("button", { name: "Approve", exact: true }).first();
  await expect(approveIdea).toBeVisible({ timeout: 30_000 });
  const approved = page.waitForResponse((r) => r.url().includes("ideas.approve") && r.request().method() === "POST");
  await approveIdea.click();
  expect((await approved).ok()).toBe(true);

  // The finished design waits in Review (storefront auto-publish is off by default): approve what waits.
  await page.goto("/admin/review");
  const cards = page.getByRole("article", { name: /^Review: / });
  await expect
    .poll(async () => {
      await page.reload();
      // The queue loads after the page: count once it has answered.
      await expect(page.getByText("Loading…")).toHaveCount(0, { timeout: 15_000 });
      return cards.count();
    }, { timeout: PIPELINE_TIMEOUT, intervals: [2000] })
    .toBeGreaterThan(0);
  for (const box of await page.getByRole("checkbox", { name: /^Select / }).all()) await box.check();
  const reviewed = page.waitForResponse((r) => r.url().includes("review.bulkApprove") && r.request().method() === "POST");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Approve selected" }).click();
  expect((await reviewed).ok()).toBe(true);

  // The draft for our account arrives in the approval queue (the page polls).
  await page.goto("/admin/promote/queue");
  await page.getByLabel("Account").selectOption({ label: `${HANDLE} (Local outbox)` });
  const draft = page.getByRole("list", { name: "Promo posts" }).getByRole("listitem").first();
  await expect(draft).toBeVisible({ timeout: PIPELINE_TIMEOUT });
  const body = (await draft.getByTestId("post-body").textContent()) ?? "";
  expect(body).toMatch(/\?tc=[a-z0-9]+/);
  expect(body).toContain("#merchloop");

  // Bulk approve (select all drafts → approve selected).
  await page.getByRole("button", { name: "Select all drafts" }).click();
  const approving = page.waitForResponse((r) => r.url().includes("promote.approve") && r.request().method() === "POST");
  await page.getByRole("button", { name: /Approve selected \(\d+\)/ }).click();
  expect((await approving).ok()).toBe(true);

  // Posted in the window, by the workers.
  await page.getByLabel("Status").selectOption("POSTED");
  const posted = page.getByRole("list", { name: "Promo posts" }).getByRole("listitem").filter({ hasText: body.slice(0, 40) });
  await expect(posted.getByText("posted", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(posted.getByText(/Posted .*\(Europe\/Berlin\)/)).toBeVisible();
  const href = await posted.getByRole("link", { name: "View post" }).getAttribute("href");
  expect(href).toMatch(/\/outbox\/[a-z0-9]+$/);

  // The audit trail of that post: drafted, approved by the admin, scheduled, posted.
  await posted.getByRole("link", { name: "Audit trail" }).click();
  const log = page.getByRole("table", { name: "Promoter audit log" });
  for (const action of ["draft", "approve", "schedule", "post"]) {
    await expect(log.getByRole("rowheader", { name: action, exact: true })).toBeVisible();
  }
  await expect(log.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "approve", exact: true }) })).toContainText("admin@merchloop.test");

  // The outbox really stored and renders the post.
  await page.goto(new URL(href!).pathname);
  const article = page.getByRole("article", { name: "Outbox post" });
  await expect(article).toContainText(`@${HANDLE}`);
  await expect(article.getByRole("link", { name: /\/products\/.+\?tc=/ })).toBeVisible();
});
