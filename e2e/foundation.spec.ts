import { expect, test } from "@playwright/test";
import { ADMIN, signInAsAdmin } from "./helpers";
import { E2E_SERVER_ENV } from "./admin";

test("the storefront home is public", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Store" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Store" }).getByRole("link", { name: "Commission", exact: true })).toBeVisible();
});

test("/admin asks anonymous visitors to sign in", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: /sign in/i })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is wrong.")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("the admin signs in and sees the dashboard with system status", async ({ page }) => {
  await signInAsAdmin(page);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText(/worker/i).first()).toBeVisible();
});

test("health endpoints answer", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect((await ready.json()).checks.map((c: { name: string }) => c.name).sort()).toEqual(["database", "migrations", "redis"]);
  expect((await request.get("/api/status")).status()).toBe(401);
  const status = await (await request.get("/api/status", { headers: { authorization: `Bearer ${E2E_SERVER_ENV.METRICS_TOKEN}` } })).json();
  expect(status.providers.payments).toBe("local");
  expect(JSON.stringify(status)).not.toMatch(/secret|password/i);
});

test("gallery pages: the first at /, later ones at /shop/N, old ?page= links move there, past the last is 404", async ({ request, page }) => {
  const old = await request.get("/?page=3", { maxRedirects: 0 });
  expect(old.status()).toBe(307);
  expect(old.headers().location).toMatch(/\/shop\/3(\?|$)/);
  const first = await request.get("/shop/1", { maxRedirects: 0 });
  expect(first.status()).toBe(308);
  expect(first.headers().location.split(",")[0].trim()).toMatch(/^(http:\/\/[^/]+)?\/$/);
  expect((await request.get("/shop/not-a-number")).status()).toBe(404);
  // Past the last page: a 404, nothing rendered for it.
  for (const path of ["/shop/999", "/shop/0", "/shop/02", "/shop/1.5", "/shop/1e3", "/shop/-1"]) expect((await request.get(path)).status(), path).toBe(404);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Merch from what the internet/ })).toBeVisible();
});
