import { PageHeader } from "@/components/ui";
import { CommissionForm } from "@/components/store/commission-form";
import { listTiers } from "@/server/services/commissions/tiers";
import { trendingPosts } from "@/server/services/commissions/trending";

export const dynamic = "force-dynamic";
export const metadata = { title: "Commission a design · merchloop" };

export default async function CommissionPage({ searchParams }: { searchParams: Promise<{ cancelled?: string; post?: string }> }) {
  const sp = await searchParams;
  const [tiers, trending] = await Promise.all([listTiers({ activeOnly: true }), trendingPosts(8)]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Commission a design" description="Pick a Reddit post, a subreddit or let us surprise you. We design it, print-ready, and put it in the shop — or refund you in full." />
      {sp.cancelled && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">
          Checkout cancelled — nothing was charged. You can try again below.
        </p>
      )}
      <CommissionForm
        tiers={tiers.map((t) => ({ slug: t.slug, name: t.name, priceCents: t.priceCents, currency: t.currency, allowedTypes: t.allowedTypes, description: t.description, productTypeCount: t.productTypeCount, imageQuality: t.imageQuality }))}
        trending={trending}
        initialPostUrl={sp.post}
      />
    </div>
  );
}
