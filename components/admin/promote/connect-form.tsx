"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, ErrorMessage, SelectField, TextField } from "@/components/ui";
import { parseWindows, platformLabel, SECRET_FIELDS, SOCIAL_PLATFORMS, type SocialPlatformName } from "@/lib/promote";
import { useEditLock } from "@/components/admin/role-context";

const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

/** Connect an account: platform, handle, write-only secrets, persona and schedule. New accounts are dry run. */
export function ConnectForm() {
  const trpc = useTRPC();
  const lock = useEditLock();
  const qc = useQueryClient();
  const brands = useQuery(trpc.promote.brands.queryOptions());
  const [brandId, setBrandId] = useState("");
  const [platform, setPlatform] = useState<SocialPlatformName>("OUTBOX");
  const [handle, setHandle] = useState("");
  const [serviceUrl, setServiceUrl] = useState("");
  const [clientId, setClientId] = useState("");
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [voice, setVoice] = useState("");
  const [hashtags, setHashtags] = useState("");
  const [communities, setCommunities] = useState("");
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  const [windows, setWindows] = useState("");
  const [interval, setInterval] = useState("60");
  const [done, setDone] = useState<string | null>(null);
  const parsed = parseWindows(windows);
  const connect = useMutation(
    trpc.promote.connect.mutationOptions({
      onSuccess: async (a) => {
        setDone(`Connected ${a.handle} (tracking code ${a.trackingCode}). It starts in dry run: drafts wait for approval.`);
        setHandle("");
        setSecrets({});
        await qc.invalidateQueries({ queryKey: trpc.promote.accounts.queryKey() });
      },
    }),
  );
  const chosenBrand = brandId || brands.data?.[0]?.id || "";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!parsed.ok) return;
    connect.mutate({
      brandId: chosenBrand,
      platform,
      handle,
      serviceUrl: serviceUrl || undefined,
      clientId: clientId || undefined,
      secrets,
      voice,
      hashtags: list(hashtags),
      communities: list(communities),
      timeZone,
      windows: parsed.windows,
      minIntervalMinutes: Number(interval) || 0,
    });
  };
  return (
    <form onSubmit={submit} className="grid gap-3 rounded-lg bg-white p-4 ring-1 ring-zinc-200 sm:grid-cols-2 lg:grid-cols-4" aria-labelledby="connect-heading" noValidate>
      <h2 id="connect-heading" className="text-base font-semibold sm:col-span-2 lg:col-span-4">Connect an account</h2>
      <SelectField label="Brand" value={chosenBrand} onChange={(e) => setBrandId(e.target.value)}>
        {!brands.data?.length && <option value="">Add a brand first</option>}
        {brands.data?.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
      </SelectField>
      <SelectField label="Platform" value={platform} onChange={(e) => setPlatform(e.target.value as SocialPlatformName)}>
        {SOCIAL_PLATFORMS.map((p) => <option key={p} value={p}>{platformLabel[p]}</option>)}
      </SelectField>
      <TextField label="Handle" placeholder={platform === "REDDIT" ? "u/yourbot" : platform === "MASTODON" ? "@shop@mastodon.social" : platform === "BLUESKY" ? "shop.bsky.social" : "our-shop"} value={handle} onChange={(e) => setHandle(e.target.value)} required />
      {(platform === "MASTODON" || platform === "BLUESKY") && (
        <TextField label={platform === "MASTODON" ? "Instance URL" : "PDS URL (optional)"} placeholder={platform === "MASTODON" ? "https://mastodon.social" : "https://bsky.social"} value={serviceUrl} onChange={(e) => setServiceUrl(e.target.value)} />
      )}
      {(platform === "REDDIT" || platform === "MASTODON") && <TextField label="App client id" value={clientId} onChange={(e) => setClientId(e.target.value)} />}
      {SECRET_FIELDS[platform].map((f) => (
        <TextField key={f.name} label={f.label} type="password" autoComplete="off" value={secrets[f.name] ?? ""} onChange={(e) => setSecrets((s) => ({ ...s, [f.name]: e.target.value }))} hint="Stored encrypted; only its last 4 characters are ever shown" />
      ))}
      <div className="sm:col-span-2"><TextField label="Voice" placeholder="playful, warm, dry…" value={voice} onChange={(e) => setVoice(e.target.value)} /></div>
      <TextField label="Hashtags (comma separated)" value={hashtags} onChange={(e) => setHashtags(e.target.value)} />
      <TextField label={platform === "REDDIT" ? "Allowed subreddits" : "Allowed communities"} placeholder="cats, aww" value={communities} onChange={(e) => setCommunities(e.target.value)} />
      <TextField label="Time zone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
      <TextField label="Posting windows" placeholder="Mon-Fri 09:00-11:00 (empty = any time)" value={windows} onChange={(e) => setWindows(e.target.value)} error={parsed.ok ? null : parsed.error} />
      <TextField label="Minimum minutes between posts" type="number" min={0} value={interval} onChange={(e) => setInterval(e.target.value)} />
      <div className="flex items-end justify-end">
        <Button type="submit" busy={connect.isPending} disabled={!handle.trim() || !chosenBrand || lock.disabled} title={lock.title}>Connect account</Button>
      </div>
      {done && <p role="status" className="text-sm text-green-700 sm:col-span-2 lg:col-span-4">{done}</p>}
      <div className="sm:col-span-2 lg:col-span-4"><ErrorMessage error={connect.error} /></div>
    </form>
  );
}
