import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { statementCounter } from "../server/db-adapter";
import { listProducts } from "../server/services/store/list-products";
import { getProduct } from "../server/services/store/get-product";
import { queuePublications } from "../server/services/publishing/queue-publications";
import { runPublication } from "../server/services/publishing/run-publication";
import { expectedFromPrice, makeListing, makeProducts } from "./helpers/listings";

let gallery: Awaited<ReturnType<typeof makeProducts>>;
beforeAll(async () => {
  gallery = await makeProducts(65, { donationsPerProduct: 3 });
});

async function statementsFor(fn: () => Promise<unknown>) {
  const before = statementCounter.count;
  await fn();
  return statementCounter.count - before;
}

describe("storefront gallery", () => {
  it("makes the same small number of SQL statements for a page of 5 and a page of 50", async () => {
    const community = gallery.community;
    await listProducts({ community, pageSize: 1 }); // warm the connection
    const small = await statementsFor(() => listProducts({ community, pageSize: 5 }));
    const large = await statementsFor(() => listProducts({ community, pageSize: 50 }));
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(3);
  });

  it("returns newest first with PAID donation totals and page counts", async () => {
    const page = await listProducts({ community: gallery.community, pageSize: 50, page: 1 });
    expect(page).toMatchObject({ total: 65, pageCount: 2, page: 1, pageSize: 50 });
    expect(page.items).toHaveLength(50);
    expect(page.items.map((p) => p.id)).toEqual(gallery.productIds.slice(0, 50));
    expect(page.items.every((p) => p.donatedCents === 300)).toBe(true);
    const last = await listProducts({ community: gallery.community, pageSize: 50, page: 2 });
    expect(last.items.map((p) => p.id)).toEqual(gallery.productIds.slice(50));
    expect(last.items[0]).toMatchObject({ priceCents: 2050, currency: "usd", community: gallery.community });
  });

  it("shows a published product with all mockups, copy and where to buy", async () => {
    const { listing } = await makeListing({ productTypes: ["poster", "tee", "mug"] });
    const [pub] = await queuePublications({ listingId: listing.id, enqueue: false });
    await runPublication(pub.id);
    const product = await db.product.findUniqueOrThrow({ where: { listingId: listing.id } });
    await db.donation.create({ data: { productId: product.id, amountCents: 500, status: "PAID" } });

    const detail = await getProduct(product.slug);
    expect(detail).toMatchObject({ title: listing.title, bullets: listing.bullets, tags: listing.tags, priceCents: await expectedFromPrice(product.id, 2500), donatedCents: 500 });
    expect(detail!.mockups.map((m) => m.productType)).toEqual(["tee", "mug", "poster"]);
    expect(detail!.whereToBuy).toEqual([{ marketplace: "LOCAL", label: expect.stringMatching(/Commission your own version/), href: `/commission?product=${product.slug}` }]);
    expect(await getProduct("missing-slug")).toBeNull();
  });
});
