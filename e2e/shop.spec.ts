import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "./helpers";

// The shop in a real browser: a shopper picks a size and colour, puts two products in the cart,
// reloads (the cart survives), checks out on the local test checkout with an address, and watches
// the order page reach SHIPPED with a tracking number; the outbox holds the order's three mails
// and the admin sees the order with its margin. The local print shop steps every 2 s here
// (LOCAL_FULFILMENT_STEP_SECONDS in scripts/e2e-server.ts).

type ApiProduct = { slug: string; title: string; variants: Array<{ productType: string; colour: string }> };

/** Approves two NEW ideas and waits until at least two products with variants are on sale. */
async function twoProducts(page: Page): Promise<ApiProduct[]> {
  await signInAsAdmin(page);
  await page.goto("/admin/ideas");
  const boxes = page.getByRole("checkbox", { name: /^Select / });
  await expect(boxes.first()).toBeVisible({ timeout: 30_000 });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const approved = page.waitForResponse((r) => r.url().includes("ideas.bulkApprove") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Approve selected" }).click();
  expect((await approved).ok()).toBe(true);
  // Finished designs wait on the review screen (storefront auto-publish is off by default): approve two there.
  await page.goto("/admin/review");
  const cards = page.getByRole("article", { name: /^Review: / });
  await expect
    .poll(async () => {
      await page.reload();
      // The queue loads after the page: count once it has answered.
      await expect(page.getByText("Loading…")).toHaveCount(0, { timeout: 15_000 });
      return cards.count();
    }, { timeout: 120_000, intervals: [2000] })
    .toBeGreaterThanOrEqual(2);
  await cards.nth(0).getByRole("checkbox", { name: /^Select / }).check();
  await cards.nth(1).getByRole("checkbox", { name: /^Select / }).check();
  const reviewed = page.waitForResponse((r) => r.url().includes("review.bulkApprove") && r.request().method() === "POST");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Approve selected" }).click();
  expect((await reviewed).ok()).toBe(true);
  let products: ApiProduct[] = [];
  await expect
    .poll(async () => {
      const body = (await (await page.request.get("/api/products?page=1")).json()) as { items: ApiProduct[] };
      products = body.items.filter((p) => p.variants.length > 0);
      return products.length;
    }, { timeout: 120_000, intervals: [1000] })
    .toBeGreaterThanOrEqual(2);
  return products.slice(0, 2);
}

test("a shopper buys two products in a chosen size and colour and follows the order to SHIPPED", async ({ page }) => {
  test.setTimeout(300_000);
  const [first, second] = await twoProducts(page);
  const email = `shopper-${Date.now()}@example.test`;

  // Product 1: a T-shirt in Black, size L when it has one; the mockup follows the colour.
  await page.goto(`/products/${first.slug}`);
  await expect(page.getByRole("heading", { name: first.title })).toBeVisible();
  const teeTab = page.getByRole("radio", { name: "T-shirt" });
  if (await teeTab.count()) await teeTab.click();
  const black = page.getByRole("radio", { name: "Black" });
  if (await black.count()) {
    await black.click();
    const img = page.getByTestId("product-mockup");
    await expect(img).toHaveAttribute("src", /colour=Black/);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect(page.getByText("Colour: Black")).toBeVisible();
  }
  const sizeL = page.getByRole("radiogroup", { name: "Size" }).getByRole("radio", { name: "L", exact: true });
  if (await sizeL.count()) await sizeL.click();
  const price1 = (await page.getByLabel("Price").textContent())!.trim();
  expect(price1).toMatch(/^\$\d+\.\d\d$/);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added." })).toBeVisible();

  // Product 2: its first variant.
  await page.goto(`/products/${second.slug}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: "View cart (2)" })).toBeVisible();

  // The cart survives a reload (localStorage) and is re-priced by the server without complaint.
  await page.goto("/cart");
  await page.reload();
  const cart = page.getByRole("list", { name: "Cart" });
  await expect(cart.getByRole("listitem")).toHaveCount(2);
  await expect(cart.locator(`a[href="/products/${first.slug}"]`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Checkout" })).toBeEnabled();
  await expect(page.getByText(/no longer available|changed from/)).toHaveCount(0);
  await page.getByLabel("Email for your receipt and tracking").fill(email);
  await page.getByRole("button", { name: "Checkout" }).click();

  // The local test checkout collects the address and the shipping rate.
  await expect(page).toHaveURL(/\/checkout\/cs_local_/, { timeout: 20_000 });
  await expect(page.getByText("TEST CHECKOUT — no real money moves")).toBeVisible();
  await expect(page.getByRole("list", { name: "Items" }).getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("Full name").fill("Ada Shopper");
  await page.getByLabel("Address", { exact: true }).fill("1 Loaf Street");
  await page.getByLabel("City").fill("Portland");
  await page.getByLabel("State / region").fill("OR");
  await page.getByLabel("Postal code").fill("97201");
  await page.getByRole("radio", { name: /Standard/ }).check();
  await page.getByRole("button", { name: /^Pay / }).click();

  // The private order page advances to SHIPPED with a tracking number (it refreshes itself).
  await expect(page).toHaveURL(/\/o\/[A-Za-z0-9_-]{43}$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Your order" })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText(/Shipped|Delivered/, { timeout: 90_000 });
  await expect(page.getByTestId("tracking-number")).toHaveText(/^9400\d{18}$/);
  await expect(page.getByRole("link", { name: "Track the package" })).toHaveAttribute("href", /usps\.com/);
  await expect(page.getByText("Ada Shopper")).toBeVisible();
  const timeline = page.getByRole("list", { name: "Timeline" });
  for (const t of ["Order placed", "Payment of", "Sent to the print shop", "Shipped with USPS"]) await expect(timeline.getByText(t).first()).toBeVisible();
  const orderUrl = page.url();
  // The cart was emptied by the paid checkout.
  await page.goto("/cart");
  await expect(page.getByText("Your cart is empty")).toBeVisible();

  // The three mails are in the outbox: confirmation, shipped (with tracking) and delivered.
  await page.goto("/admin/outbox");
  const rows = page.getByRole("row").filter({ hasText: email });
  await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
  for (const subject of ["Your Merchloop order is confirmed", "Your Merchloop order has shipped", "Your Merchloop order was delivered"]) {
    await expect(rows.filter({ hasText: subject })).toHaveCount(1);
  }

  // The admin sees the order with its margin, fulfilment id and tracking.
  await page.goto("/admin/orders");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("order-margin")).toHaveText(/^-?\$\d+\.\d\d$/);
  await row.getByRole("link").first().click();
  await expect(page.getByTestId("order-margin")).toHaveText(/^-?\$\d+\.\d\d$/);
  await expect(page.getByTestId("fulfilment-id")).toHaveText(/^lf_/);
  await expect(page.getByRole("link", { name: /shopper's page/ })).toHaveAttribute("href", orderUrl);
});
