import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "./helpers";

// Users and roles in a real browser: an admin invites a viewer (no SMTP in e2e, so the one-time link
// is shown to the admin), the viewer joins and sees every dashboard page with no working action
// buttons, and removing the viewer signs them out on their next request.

const VIEWER_PASSWORD = "viewer-e2e-password";
const ACTION = /^(approve|approve selected|approve and publish|approve and continue|reject|reject selected|retry.*|remove.*|delete|save|score new signals now|send invite|run ingest.*|refund|add subreddit|edit)$/i;
const PAGES: Array<[string, string]> = [
  ["Overview", "Overview"],
  ["Signals", "Signals"],
  ["Ideas", "Ideas"],
  ["Designs", "Designs"],
  ["Review", "Review"],
  ["Publications", "Publications"],
  ["Commissions", "Commissions"],
  ["Subreddits", "Subreddits"],
  ["Queues", "Queues"],
  ["Users", "Users"],
  ["Audit log", "Audit log"],
];

/** Every visible button that would change something is disabled; returns how many were checked. */
async function actionButtonsAreDisabled(page: Page) {
  const buttons = page.getByRole("main").getByRole("button");
  let checked = 0;
  for (const b of await buttons.all()) {
    const name = ((await b.getAttribute("aria-label")) ?? (await b.textContent()) ?? "").trim();
    if (!ACTION.test(name) || !(await b.isVisible())) continue;
    await expect(b, `"${name}" must be disabled for a viewer`).toBeDisabled();
    checked++;
  }
  return checked;
}

test("an admin invites a viewer who sees the dashboards but cannot change anything; removal signs them out", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  const nav = page.getByRole("navigation", { name: "Admin" });
  await nav.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();

  const email = `viewer-${Date.now()}@merchloop.test`;
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Send invite" }).click();
  const link = (await page.getByLabel("Invite link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/invite\/[\w-]{20,}$/);

  // The viewer, in a browser of their own: accept the invite, then sign in.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(link);
  await expect(viewer.getByText(email)).toBeVisible();
  await viewer.getByLabel("Choose a password").fill(VIEWER_PASSWORD);
  await viewer.getByLabel("Repeat the password").fill(VIEWER_PASSWORD);
  await viewer.getByRole("button", { name: "Create my account" }).click();
  await expect(viewer).toHaveURL(/\/signin/);
  await viewer.getByLabel("Email").fill(email);
  await viewer.getByLabel("Password").fill(VIEWER_PASSWORD);
  await viewer.getByRole("button", { name: "Sign in" }).click();
  await expect(viewer.getByRole("navigation", { name: "Admin" })).toBeVisible();
  await expect(viewer.getByRole("note").filter({ hasText: "signed in as a viewer" })).toBeVisible();

  // Every dashboard page opens; no action button works. The outbox (invite links) is admin-only.
  const viewerNav = viewer.getByRole("navigation", { name: "Admin" });
  await expect(viewerNav.getByRole("link", { name: "Outbox" })).toHaveCount(0);
  let actions = 0;
  for (const [link, heading] of PAGES) {
    await viewerNav.getByRole("link", { name: link, exact: true }).click();
    await expect(viewer.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    await viewer.waitForLoadState("networkidle");
    actions += await actionButtonsAreDisabled(viewer);
  }
  expect(actions).toBeGreaterThan(0);
  // The invite form and the role menus are locked too.
  await viewerNav.getByRole("link", { name: "Users", exact: true }).click();
  await expect(viewer.getByRole("button", { name: "Send invite" })).toBeDisabled();
  await expect(viewer.getByLabel(`Role of ${email}`)).toBeDisabled();

  // The admin removes the viewer: the viewer's very next request finds them signed out.
  await page.reload();
  await page.getByRole("button", { name: `Remove ${email}` }).click();
  const removed = page.waitForResponse((r) => r.url().includes("users.remove") && r.request().method() === "POST");
  await page.getByRole("group", { name: "Confirm" }).getByRole("button", { name: "Remove" }).click();
  expect((await removed).ok()).toBe(true);
  await expect(page.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);

  await viewer.reload();
  await expect(viewer).toHaveURL(/\/signin/);
  await viewerContext.close();
});
