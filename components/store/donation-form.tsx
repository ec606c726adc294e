"use client";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button, ErrorMessage, TextArea, TextField } from "@/components/ui";
import { useTRPC } from "@/lib/trpc";

/** Donate to a subreddit (or the product given) through the same checkout as commissions. */
export function DonationForm({ subreddits, initialSubreddit, productId }: { subreddits: string[]; initialSubreddit?: string; productId?: string }) {
  const trpc = useTRPC();
  const donate = useMutation(trpc.donations.create.mutationOptions());
  const [subreddit, setSubreddit] = useState(initialSubreddit ?? subreddits[0] ?? "");
  const [dollars, setDollars] = useState("10");
  const [donorName, setDonorName] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [message, setMessage] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = Math.round(Number(dollars) * 100);
    if (!Number.isFinite(cents) || cents <= 0) return setLocalError("Enter an amount in dollars, e.g. 10");
    setLocalError(null);
    donate.mutate(
      { amountCents: cents, donorName, anonymous, message, ...(productId ? { productId } : { subreddit }) },
      { onSuccess: (r) => window.location.assign(r.checkoutUrl) },
    );
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Donate" noValidate>
      {productId ? (
        <p className="text-sm text-zinc-600">Donating in the name of this product&apos;s community.</p>
      ) : (
        <TextField label="Subreddit" list="fundraising-subs" value={subreddit} onChange={(e) => setSubreddit(e.target.value)} hint="Any subreddit; goals are listed above" />
      )}
      <datalist id="fundraising-subs">{subreddits.map((s) => <option key={s} value={s} />)}</datalist>
      <TextField label="Amount (USD)" inputMode="decimal" value={dollars} onChange={(e) => setDollars(e.target.value)} error={localError} />
      <TextField label="Your name (optional)" maxLength={40} value={donorName} onChange={(e) => setDonorName(e.target.value)} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> Donate anonymously
      </label>
      <TextArea label="Message (optional)" maxLength={280} rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
      <ErrorMessage error={donate.error} />
      <Button type="submit" busy={donate.isPending || donate.isSuccess}>Continue to payment</Button>
    </form>
  );
}
