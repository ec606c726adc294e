import { cache } from "react";
import { unstable_cache } from "next/cache";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui";
import { ProductMockups } from "@/components/store/product-mockups";
import { ProductPicker } from "@/components/store/product-picker";
import { ProductWhereToBuy } from "@/components/store/product-where-to-buy";
import { money } from "@/lib/format";
import { fileHref } from "@/server/providers/storage";
import { getProduct } from "@/server/services/store/get-product";
import { productTag } from "@/server/services/store/cache-tags";
import { productVariants } from "@/server/services/shop/queries";
import { cookies } from "next/headers";
import { ARM_COOKIE, TrackOutcomes } from "@/components/store/track-outcomes";
import { assignArm } from "@/server/services/experiments/experiments";

// Rendered per request: the page carries a CSP nonce and the visitor's experiment arm (cookie).
// The product's data comes from the shared cache until a publication of this product revalidates
// its tag (storefrontChanged), or for at most five minutes.
export const dynamic = "force-dynamic";

// Metadata and page share one lookup per request; the tag marks the rendered page.
const loadProduct = cache((slug: string) => unstable_cache(getProduct, ["product"], { tags: [productTag(slug)], revalidate: 300 })(slug));

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const product = await loadProduct((await params).slug);
  return { title: product ? product.title : "Product not found" };
}

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const product = await loadProduct((await params).slug);
  if (!product) notFound();
  const variants = await productVariants(product.id);
  // A running experiment on this listing: the visitor's arm (sticky by cookie) sets title or hero.
  const jar = await cookies();
  const armCookies = jar.getAll().filter((c) => c.name.startsWith(`${ARM_COOKIE}_`));
  const exp = await assignArm(product.listingId, { cookieArmId: armCookies.map((c) => c.value), visitor: armCookies.map((c) => c.value).join() || crypto.randomUUID() });
  const title = exp?.arm.title ?? product.title;
  const hero = exp?.arm.productType;
  const ordered = hero ? [...product.mockups].sort((a, b) => Number(b.productType === hero) - Number(a.productType === hero)) : product.mockups;
  const mockups = ordered.map((m) => ({ productType: m.productType, href: fileHref(m.storageKey), width: m.width, height: m.height }));

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href="/" className="hover:text-brand-700">Shop</Link> <span aria-hidden>/</span> <span className="text-zinc-700">{product.title}</span>
      </nav>
      <TrackOutcomes listingId={product.listingId} experimentId={exp?.experimentId} armId={exp?.arm.id} />
      {variants.length > 0 && (
        <ProductPicker
          slug={product.slug}
          title={title}
          listingId={product.listingId}
          experimentId={exp?.experimentId}
          armId={exp?.arm.id}
          mockups={mockups}
          variants={variants.map((v) => ({ id: v.id, productType: v.catalogVariant.productType, size: v.catalogVariant.size, colour: v.catalogVariant.colour, colourHex: v.catalogVariant.colourHex, priceCents: v.catalogVariant.retailCents, currency: v.catalogVariant.currency }))}
        />
      )}
      <div className={variants.length ? "max-w-2xl" : "grid gap-8 md:grid-cols-2"}>
        {variants.length === 0 && <ProductMockups listingId={product.listingId} title={title} mockups={mockups} />}
        <div className="space-y-5">
          <div className="space-y-2">
            {product.community && <Badge tone="brand">r/{product.community}</Badge>}
            {variants.length === 0 && <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>}
            {variants.length === 0 && <p className="text-2xl font-semibold text-brand-700">{money(product.priceCents, product.currency)}</p>}
            {product.donatedCents > 0 && <p className="text-sm text-green-700">{money(product.donatedCents, product.currency)} donated to the community so far</p>}
          </div>
          {product.description && <p className="text-zinc-700">{product.description}</p>}
          {product.bullets.length > 0 && (
            <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700">
              {product.bullets.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          )}
          <section className="space-y-2">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-500">{variants.length ? "Also" : "Where to buy"}</h2>
            <ProductWhereToBuy options={product.whereToBuy} />
          </section>
          {product.tags.length > 0 && (
            <section className="space-y-2">
              <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-500">Tags</h2>
              <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
                {product.tags.map((t) => (
                  <li key={t}><Badge>{t}</Badge></li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
