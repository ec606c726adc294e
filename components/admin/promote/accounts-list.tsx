"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { money } from "@/lib/format";
import { Badge, Button, Card, EmptyState, ErrorMessage, TextField } from "@/components/ui";
import { formatWindows, parseWindows, platformLabel, SECRET_FIELDS } from "@/lib/promote";
import type { PromoAccount as Account } from "./types";
import { useEditLock } from "@/components/admin/role-context";

const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

/** Every connected account: status, switches, persona and schedule, write-only secrets, spend against caps. */
export function AccountsList() {
  const trpc = useTRPC();
  const accounts = useQuery({ ...trpc.promote.accounts.queryOptions(), refetchInterval: 5000 });
  if (accounts.isLoading) return <p className="text-sm text-zinc-500">Loading accounts…</p>;
  if (accounts.error) return <ErrorMessage error={accounts.error} />;
  if (!accounts.data?.length) return <EmptyState title="No accounts yet">Connect one above; the local outbox needs no credentials.</EmptyState>;
  return (
    <ul className="space-y-3" aria-label="Social accounts">
      {accounts.data.map((a) => <AccountCard key={a.id} a={a} />)}
    </ul>
  );
}

function AccountCard({ a }: { a: Account }) {
  const trpc = useTRPC();
  const lock = useEditLock();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.promote.accounts.queryKey() });
  const update = useMutation(trpc.promote.update.mutationOptions({ onSuccess: refresh }));
  return (
    <li>
      <Card className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h3 className="font-semibold">{a.handle}</h3>
            <p className="text-xs text-zinc-500">{platformLabel[a.platform]} · {a.brand.name} · tracking code <code>{a.trackingCode}</code></p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {a.status === "NEEDS_RECONNECT" ? <Badge tone="danger">needs reconnect</Badge> : a.status === "PAUSED" ? <Badge>paused</Badge> : <Badge tone="success">active</Badge>}
            {a.autoPost ? <Badge tone="brand">auto-post</Badge> : <Badge tone="info">dry run</Badge>}
            {a.capReason && <Badge tone="warning">drafting stopped: {a.capReason}</Badge>}
          </div>
        </div>
        {a.status === "NEEDS_RECONNECT" && <p className="text-sm text-red-700" role="alert">{a.statusReason ?? "The platform refused our tokens."} Scheduled posts wait until it is reconnected.</p>}
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" className="size-4" checked={a.autoPost} disabled={update.isPending || lock.disabled} onChange={(e) => update.mutate({ accountId: a.id, autoPost: e.target.checked })} />
            Auto-post {a.handle} (off = dry run: drafts wait for approval)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" className="size-4" checked={a.status === "PAUSED"} disabled={update.isPending || lock.disabled || a.status === "NEEDS_RECONNECT"} onChange={(e) => update.mutate({ accountId: a.id, status: e.target.checked ? "PAUSED" : "ACTIVE" })} />
            Paused
          </label>
        </div>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div><dt className="text-xs text-zinc-500">Schedule ({a.timeZone})</dt><dd>{a.windows.length ? formatWindows(a.windows) : "any time"}, every ≥ {a.minIntervalMinutes} min</dd></div>
          <div><dt className="text-xs text-zinc-500">Post budget</dt><dd>{a.postsPerHour}/h account · {a.brand.postsPerHour}/h brand</dd></div>
          <div><dt className="text-xs text-zinc-500">Drafting spend</dt><dd>{money(a.spend.dayCents)} of {money(a.dailyCapCents)} today · {money(a.spend.monthCents)} of {money(a.monthlyCapCents)} this month</dd></div>
          <div><dt className="text-xs text-zinc-500">Posts</dt><dd>{Object.entries(a.posts).map(([s, n]) => `${n} ${s.toLowerCase()}`).join(" · ") || "none yet"}</dd></div>
          <div className="sm:col-span-2"><dt className="text-xs text-zinc-500">Credentials (write-only)</dt><dd>{a.secrets.length ? a.secrets.map((s) => `${s.name} ••••${s.last4}`).join(" · ") : "none needed"}{a.tokenExpiresAt ? ` · token expires ${new Date(a.tokenExpiresAt).toLocaleString()}` : ""}</dd></div>
          <div className="sm:col-span-2"><dt className="text-xs text-zinc-500">Persona</dt><dd>{a.voice || "no voice set"}{a.hashtags.length ? ` · #${a.hashtags.join(" #")}` : ""}{a.communities.length ? ` · communities: ${a.communities.join(", ")}` : ""}</dd></div>
        </dl>
        <ErrorMessage error={update.error} />
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>{editing ? "Close settings" : "Edit settings"}</Button>
        </div>
        {editing && <SettingsForm a={a} onSaved={() => { setEditing(false); void refresh(); }} />}
        {(a.status === "NEEDS_RECONNECT" || editing) && SECRET_FIELDS[a.platform].length > 0 && <ReconnectForm a={a} onDone={refresh} />}
      </Card>
    </li>
  );
}

function SettingsForm({ a, onSaved }: { a: Account; onSaved: () => void }) {
  const trpc = useTRPC();
  const lock = useEditLock();
  const [f, setF] = useState({
    voice: a.voice,
    hashtags: a.hashtags.join(", "),
    doRules: a.doRules.join(", "),
    dontRules: a.dontRules.join(", "),
    communities: a.communities.join(", "),
    timeZone: a.timeZone,
    windows: formatWindows(a.windows),
    minIntervalMinutes: String(a.minIntervalMinutes),
    postsPerHour: String(a.postsPerHour),
    daily: (a.dailyCapCents / 100).toFixed(2),
    monthly: (a.monthlyCapCents / 100).toFixed(2),
  });
  const parsed = parseWindows(f.windows);
  const save = useMutation(trpc.promote.update.mutationOptions({ onSuccess: onSaved }));
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.ok) return;
    save.mutate({
      accountId: a.id,
      voice: f.voice,
      hashtags: list(f.hashtags),
      doRules: list(f.doRules),
      dontRules: list(f.dontRules),
      communities: list(f.communities),
      timeZone: f.timeZone,
      windows: parsed.windows,
      minIntervalMinutes: Number(f.minIntervalMinutes) || 0,
      postsPerHour: Number(f.postsPerHour) || 0,
      dailyCapCents: Math.round(Number(f.daily) * 100),
      monthlyCapCents: Math.round(Number(f.monthly) * 100),
    });
  };
  return (
    <form onSubmit={submit} className="grid gap-3 border-t border-zinc-100 pt-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={`Settings for ${a.handle}`} noValidate>
      <TextField label="Voice" value={f.voice} onChange={set("voice")} />
      <TextField label="Hashtags" value={f.hashtags} onChange={set("hashtags")} />
      <TextField label="Do" value={f.doRules} onChange={set("doRules")} />
      <TextField label="Don't" value={f.dontRules} onChange={set("dontRules")} />
      <TextField label="Allowed communities" value={f.communities} onChange={set("communities")} />
      <TextField label="Time zone" value={f.timeZone} onChange={set("timeZone")} />
      <TextField label="Posting windows" value={f.windows} onChange={set("windows")} placeholder="empty = any time" error={parsed.ok ? null : parsed.error} />
      <TextField label="Minimum minutes between posts" type="number" min={0} value={f.minIntervalMinutes} onChange={set("minIntervalMinutes")} />
      <TextField label="Posts per hour" type="number" min={0} value={f.postsPerHour} onChange={set("postsPerHour")} />
      <TextField label="Daily drafting cap ($)" type="number" min={0} step="0.01" value={f.daily} onChange={set("daily")} />
      <TextField label="Monthly drafting cap ($)" type="number" min={0} step="0.01" value={f.monthly} onChange={set("monthly")} />
      <div className="flex items-end justify-end"><Button type="submit" size="sm" busy={save.isPending} {...lock}>Save settings</Button></div>
      <div className="sm:col-span-2 lg:col-span-4"><ErrorMessage error={save.error} /></div>
    </form>
  );
}

function ReconnectForm({ a, onDone }: { a: Account; onDone: () => void }) {
  const trpc = useTRPC();
  const lock = useEditLock();
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const reconnect = useMutation(trpc.promote.reconnect.mutationOptions({ onSuccess: () => { setSecrets({}); onDone(); } }));
  return (
    <form
      onSubmit={(e) => { e.preventDefault(); reconnect.mutate({ accountId: a.id, secrets }); }}
      className="grid gap-3 border-t border-zinc-100 pt-3 sm:grid-cols-2 lg:grid-cols-4"
      aria-label={`Reconnect ${a.handle}`}
      noValidate
    >
      {SECRET_FIELDS[a.platform].map((f) => (
        <TextField key={f.name} label={`New ${f.label.toLowerCase()}`} type="password" autoComplete="off" value={secrets[f.name] ?? ""} onChange={(e) => setSecrets((s) => ({ ...s, [f.name]: e.target.value }))} />
      ))}
      <div className="flex items-end justify-end"><Button type="submit" size="sm" busy={reconnect.isPending} {...lock}>{a.status === "NEEDS_RECONNECT" ? "Reconnect" : "Replace credentials"}</Button></div>
      <div className="sm:col-span-2 lg:col-span-4"><ErrorMessage error={reconnect.error} /></div>
    </form>
  );
}
