import { Card, EmptyState, PageHeader, Progress } from "@/components/ui";
import { DonationForm } from "@/components/store/donation-form";
import { money } from "@/lib/format";
import { fundraisingGoals, leaderboard } from "@/server/services/donations/fundraising";

export const dynamic = "force-dynamic";
export const metadata = { title: "Fundraising · merchloop" };

export default async function FundraisingPage({ searchParams }: { searchParams: Promise<{ thanks?: string; subreddit?: string; product?: string }> }) {
  const sp = await searchParams;
  const [goals, board] = await Promise.all([fundraisingGoals(), leaderboard(10)]);
  return (
    <div className="space-y-8">
      <PageHeader title="Fundraising" description="Give back to the communities our designs come from." />
      {sp.thanks && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200">
          Thank you! Your donation counts as soon as the payment is confirmed.
        </p>
      )}
      <section aria-labelledby="goals" className="space-y-3">
        <h2 id="goals" className="text-lg font-semibold">Goals</h2>
        {goals.length === 0 ? (
          <EmptyState title="No fundraising goals yet" />
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            {goals.map((g) => (
              <Card key={g.id} className="space-y-2">
                <p className="text-xs font-medium text-brand-700">r/{g.subreddit}</p>
                <h3 className="font-medium">{g.title}</h3>
                <Progress value={g.percent} label={`${money(g.raisedCents, g.currency)} of ${money(g.targetCents, g.currency)}`} />
                <p className="text-xs text-zinc-500">{g.donations} donation{g.donations === 1 ? "" : "s"}</p>
              </Card>
            ))}
          </div>
        )}
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="donate">
          <h2 id="donate" className="mb-3 text-lg font-semibold">Donate</h2>
          <Card>
            <DonationForm subreddits={[...new Set(goals.map((g) => g.subreddit))]} initialSubreddit={sp.subreddit} productId={sp.product} />
          </Card>
        </section>
        <section aria-labelledby="leaders" className="space-y-4">
          <h2 id="leaders" className="text-lg font-semibold">Leaderboard</h2>
          <Card>
            <h3 className="mb-2 text-sm font-semibold">Top subreddits</h3>
            {board.subreddits.length === 0 ? <p className="text-sm text-zinc-500">No donations yet.</p> : (
              <ol className="space-y-1 text-sm">
                {board.subreddits.map((s, i) => (
                  <li key={s.subreddit} className="flex justify-between"><span>{i + 1}. r/{s.subreddit}</span><span>{money(s.raisedCents)}</span></li>
                ))}
              </ol>
            )}
          </Card>
          <Card>
            <h3 className="mb-2 text-sm font-semibold">Top donors</h3>
            {board.donors.length === 0 ? <p className="text-sm text-zinc-500">No named donors yet.</p> : (
              <ol className="space-y-1 text-sm">
                {board.donors.map((d, i) => (
                  <li key={d.name} className="flex justify-between"><span>{i + 1}. {d.name}</span><span>{money(d.raisedCents)}</span></li>
                ))}
              </ol>
            )}
          </Card>
        </section>
      </div>
    </div>
  );
}
