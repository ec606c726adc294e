"use client";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button, Card, ErrorMessage, TextArea, TextField, cn } from "@/components/ui";
import { money } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";

type CommissionType = "POST" | "SUBREDDIT" | "SURPRISE";
type Tier = { slug: string; name: string; priceCents: number; currency: string; allowedTypes: CommissionType[]; description: string; productTypeCount: number; imageQuality: string };
type Trending = { signalId: string; title: string; community: string | null; postUrl: string; score: number };

const TYPES: { value: CommissionType; label: string; hint: string }[] = [
  { value: "POST", label: "A specific post", hint: "Paste a Reddit post URL or pick one that is trending" },
  { value: "SUBREDDIT", label: "A subreddit", hint: "We design from its best fresh post" },
  { value: "SURPRISE", label: "Surprise me", hint: "We pick today's best post" },
];

export function CommissionForm({ tiers, trending, initialPostUrl }: { tiers: Tier[]; trending: Trending[]; initialPostUrl?: string }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.commissions.create.mutationOptions());
  const [type, setType] = useState<CommissionType>(initialPostUrl ? "POST" : "SURPRISE");
  const [tier, setTier] = useState(() => tiers.find((t) => t.allowedTypes.includes(initialPostUrl ? "POST" : "SURPRISE"))?.slug ?? tiers[0]?.slug ?? "");
  const [postUrl, setPostUrl] = useState(initialPostUrl ?? "");
  const [subreddit, setSubreddit] = useState("");
  const [message, setMessage] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [promoteOptIn, setPromoteOptIn] = useState(false);
  const [email, setEmail] = useState("");

  const chooseType = (t: CommissionType) => {
    setType(t);
    const current = tiers.find((x) => x.slug === tier);
    if (!current?.allowedTypes.includes(t)) setTier(tiers.find((x) => x.allowedTypes.includes(t))?.slug ?? tier);
  };
  const selected = tiers.find((t) => t.slug === tier);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { tier, type, postUrl: type === "POST" ? postUrl : undefined, subreddit: type === "SUBREDDIT" ? subreddit : undefined, message, displayName, anonymous, promoteOptIn, email, amountCents: selected?.priceCents },
      { onSuccess: (r) => window.location.assign(r.checkoutUrl) },
    );
  };

  if (!tiers.length) return <ErrorMessage error={{ message: "Commissions are closed right now: no tiers are available." }} />;

  return (
    <form onSubmit={submit} className="space-y-6" aria-label="Commission a design" noValidate>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-zinc-900">What should we design from?</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {TYPES.map((t) => (
            <label key={t.value} className={cn("cursor-pointer rounded-lg bg-white p-3 text-sm ring-1 ring-zinc-200", type === t.value && "ring-2 ring-brand-600")}>
              <input type="radio" name="type" value={t.value} checked={type === t.value} onChange={() => chooseType(t.value)} className="mr-2" />
              <span className="font-medium">{t.label}</span>
              <span className="mt-1 block text-xs text-zinc-500">{t.hint}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {type === "POST" && (
        <Card className="space-y-3">
          <TextField label="Reddit post URL" name="postUrl" placeholder="https://www.reddit.com/r/…/comments/…" value={postUrl} onChange={(e) => setPostUrl(e.target.value)} />
          {trending.length > 0 ? (
            <div>
              <h2 className="text-sm font-medium text-zinc-800">Or pick a trending post</h2>
              <ul className="mt-2 divide-y divide-zinc-100" aria-label="Trending posts">
                {trending.map((p) => (
                  <li key={p.signalId} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <span className="min-w-0">
                      <span className="block truncate">{p.title}</span>
                      <span className="text-xs text-zinc-500">r/{p.community} · {p.score.toLocaleString()} points</span>
                    </span>
                    <Button type="button" size="sm" variant={postUrl === p.postUrl ? "primary" : "secondary"} aria-pressed={postUrl === p.postUrl} aria-label={`Use post: ${p.title}`} onClick={() => setPostUrl(p.postUrl)}>
                      {postUrl === p.postUrl ? "Chosen" : "Use this"}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-xs text-zinc-500">Nothing is trending yet — paste a post URL above.</p>
          )}
        </Card>
      )}
      {type === "SUBREDDIT" && (
        <Card>
          <TextField label="Subreddit" name="subreddit" placeholder="r/aww" value={subreddit} onChange={(e) => setSubreddit(e.target.value)} />
        </Card>
      )}

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-zinc-900">Tier</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {tiers.map((t) => {
            const allowed = t.allowedTypes.includes(type);
            return (
              <label key={t.slug} className={cn("rounded-lg bg-white p-3 text-sm ring-1 ring-zinc-200", allowed ? "cursor-pointer" : "opacity-50", tier === t.slug && "ring-2 ring-brand-600")}>
                <input type="radio" name="tier" value={t.slug} checked={tier === t.slug} disabled={!allowed} onChange={() => setTier(t.slug)} className="mr-2" aria-label={`${t.name} ${money(t.priceCents, t.currency)}`} />
                <span className="font-medium">{t.name}</span> <span className="text-zinc-600">{money(t.priceCents, t.currency)}</span>
                <span className="mt-1 block text-xs text-zinc-500">
                  {t.description} {t.productTypeCount} product{t.productTypeCount === 1 ? "" : "s"}, {t.imageQuality} quality.
                  {!allowed && " Not available for this kind of commission."}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>

      <Card className="space-y-4">
        <TextArea label="Message (optional)" name="message" maxLength={280} rows={2} hint={`${message.length}/280 — shown on your receipt`} value={message} onChange={(e) => setMessage(e.target.value)} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Display name (optional)" name="displayName" maxLength={40} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          <TextField label="Email for the receipt (optional)" name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> Keep me anonymous
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={promoteOptIn} onChange={(e) => setPromoteOptIn(e.target.checked)} /> You may share the finished product on your social accounts
        </label>
      </Card>

      <ErrorMessage error={create.error} />
      <div className="flex items-center justify-between gap-4">
        <p className="text-sm text-zinc-600">{selected ? `Total ${money(selected.priceCents, selected.currency)}. Not happy with the result? If we can't make it, you're refunded automatically.` : ""}</p>
        <Button type="submit" busy={create.isPending || create.isSuccess}>
          Continue to payment
        </Button>
      </div>
    </form>
  );
}
