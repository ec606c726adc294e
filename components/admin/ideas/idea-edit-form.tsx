"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, ErrorMessage, TextArea, TextField } from "@/components/ui";
import { ZIdeaDraft } from "@/lib/idea-draft";
import { PRODUCT_TYPES } from "@/lib/vocabulary";
import type { IdeaItem } from "./types";

type Errors = Partial<Record<"title" | "theme" | "imagePrompt" | "productTypes", string>>;

/** Inline edit with the same limits as the server; server errors land on their fields too. */
export function IdeaEditForm({ idea, onDone }: { idea: IdeaItem; onDone: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [form, setForm] = useState({ title: idea.title, theme: idea.theme, imagePrompt: idea.imagePrompt, productTypes: idea.productTypes });
  const [errors, setErrors] = useState<Errors>({});
  const edit = useMutation(
    trpc.ideas.edit.mutationOptions({
      onSuccess: async () => {
        await qc.invalidateQueries({ queryKey: trpc.ideas.list.queryKey() });
        onDone();
      },
      onError: (e) => {
        const fe = (e.data as { fieldErrors?: Array<{ path: string; message: string }> | null } | undefined)?.fieldErrors;
        if (fe) setErrors(Object.fromEntries(fe.map((f) => [f.path.split(".")[0], f.message])));
      },
    }),
  );

  function submit(ev: FormEvent) {
    ev.preventDefault();
    const parsed = ZIdeaDraft.safeParse(form);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    edit.mutate({ ideaId: idea.id, ...parsed.data });
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-md bg-zinc-50 p-3" aria-label={`Edit ${idea.title}`} noValidate>
      <TextField label="Title" value={form.title} maxLength={80} error={errors.title} hint={`${form.title.length}/60 characters`} onChange={(e) => setForm({ ...form, title: e.target.value })} />
      <TextField label="Theme" value={form.theme} error={errors.theme} onChange={(e) => setForm({ ...form, theme: e.target.value })} />
      <TextArea label="Image prompt" rows={4} value={form.imagePrompt} error={errors.imagePrompt} onChange={(e) => setForm({ ...form, imagePrompt: e.target.value })} />
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Products</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {PRODUCT_TYPES.map((p) => (
            <label key={p} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={form.productTypes.includes(p)}
                onChange={(e) => setForm({ ...form, productTypes: e.target.checked ? [...form.productTypes, p] : form.productTypes.filter((x) => x !== p) })}
              />
              {p}
            </label>
          ))}
        </div>
        {errors.productTypes && <p className="mt-1 text-xs text-red-600" role="alert">{errors.productTypes}</p>}
      </fieldset>
      <ErrorMessage error={edit.error} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" busy={edit.isPending}>Save</Button>
        <Button type="button" size="sm" variant="secondary" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
