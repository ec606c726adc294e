"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, ErrorMessage, SelectField, TextField } from "@/components/ui";
import { useEditLock } from "@/components/admin/role-context";

const SORTS = ["HOT", "NEW", "TOP", "RISING"] as const;
type Sort = (typeof SORTS)[number];
type FieldErrors = Array<{ path: string; message: string }> | null | undefined;

/** Add (or update) a subreddit by name; server validation errors show beside their fields. */
export function AddSubredditForm() {
  const lock = useEditLock();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [sort, setSort] = useState<Sort>("HOT");
  const [limit, setLimit] = useState("50");
  const [style, setStyle] = useState("");
  const [nsfw, setNsfw] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const upsert = useMutation(
    trpc.subreddits.upsert.mutationOptions({
      onSuccess: async (row) => {
        setAdded(row.name);
        setName("");
        setStyle("");
        setNsfw(false);
        await qc.invalidateQueries({ queryKey: trpc.subreddits.list.queryKey() });
      },
    }),
  );
  const fieldErrors = (upsert.error?.data as { fieldErrors?: FieldErrors } | undefined)?.fieldErrors ?? [];
  const errorFor = (f: string) => fieldErrors?.find((e) => e.path === f)?.message ?? null;
  const limitNum = Number(limit);
  const limitError = limit && (!Number.isInteger(limitNum) || limitNum < 1 || limitNum > 100) ? "Limit must be a whole number from 1 to 100" : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    if (limitError) return;
    upsert.mutate({ name, sort, limit: limitNum, style: style || null, nsfw, enabled: true });
  };

  return (
    <form onSubmit={submit} className="grid gap-3 rounded-lg bg-white p-4 ring-1 ring-zinc-200 sm:grid-cols-2 lg:grid-cols-6" aria-labelledby="add-sub-heading" noValidate>
      <h2 id="add-sub-heading" className="text-base font-semibold sm:col-span-2 lg:col-span-6">Add a subreddit</h2>
      <div className="lg:col-span-2">
        <TextField label="Name" placeholder="cats, r/cats or a reddit.com link" required value={name} onChange={(e) => setName(e.target.value)} error={errorFor("name")} />
      </div>
      <SelectField label="Sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)} error={errorFor("sort")}>
        {SORTS.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
      </SelectField>
      <TextField label="Posts per run" type="number" min={1} max={100} value={limit} onChange={(e) => setLimit(e.target.value)} error={limitError ?? errorFor("limit")} />
      <div className="lg:col-span-2">
        <TextField label="Style hint (optional)" placeholder="e.g. retro pixel art" value={style} onChange={(e) => setStyle(e.target.value)} error={errorFor("style")} />
      </div>
      <label className="flex items-center gap-2 text-sm sm:col-span-2 lg:col-span-4">
        <input type="checkbox" checked={nsfw} onChange={(e) => setNsfw(e.target.checked)} className="size-4 rounded border-zinc-300" />
        Mark as NSFW (its posts are stored as rejected and never become products)
      </label>
      <div className="flex items-center justify-end gap-3 sm:col-span-2 lg:col-span-2">
        {added && <span className="text-sm text-green-700" role="status">Saved r/{added}.</span>}
        <Button type="submit" busy={upsert.isPending} title={lock.title} disabled={lock.disabled || !name.trim()}>Add subreddit</Button>
      </div>
      {!fieldErrors?.length && <div className="sm:col-span-2 lg:col-span-6"><ErrorMessage error={upsert.error} /></div>}
    </form>
  );
}
