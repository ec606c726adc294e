import { cache } from "react";
import { unstable_cache } from "next/cache";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui";
import { ProductMockups } from "@/components/store/product-mockups";
import { ProductWhereToBuy } from "@/components/store/product-where-to-buy";
import { money } from "@/lib/format";
import { fileHref } from "@/server/providers/storage";
import { getProduct } from "@/server/services/store/get-product";
import { productTag } from "@/server/services/store/cache-tags";

// Rendered on first request and served from the shared cache until a publication of this product
// revalidates its tag (storefrontChanged), or for at most five minutes.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

// Metadata and page share one lookup per request; the tag marks the rendered page.
const loadProduct = cache((slug: string) => unstable_cache(getProduct, ["product"], { tags: [productTag(slug)], revalidate: 300 })(slug));

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const product = await loadProduct((await params).slug);
  return { title: product ? product.title : "Product not found" };
}

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const product = await loadProduct((await params).slug);
  if (!product) notFound();

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href="/" className="hover:text-brand-700">Shop</Link> <span aria-hidden>/</span> <span className="text-zinc-700">{product.title}</span>
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <ProductMockups title={product.title} mockups={product.mockups.map((m) => ({ productType: m.productType, href: fileHref(m.storageKey), width: m.width, height: m.height }))} />
        <div className="space-y-5">
          <div className="space-y-2">
            {product.community && <Badge tone="brand">r/{product.community}</Badge>}
            <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{product.title}</h1>
            <p className="text-2xl font-semibold text-brand-700">{money(product.priceCents, product.currency)}</p>
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
            <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-500">Where to buy</h2>
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
