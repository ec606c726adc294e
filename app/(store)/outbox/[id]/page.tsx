import { notFound } from "next/navigation";
import { getOutboxPost } from "@/server/services/promote/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Outbox post" };

/** A post the local outbox provider published, rendered like a social post. */
export default async function OutboxPostPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const post = await getOutboxPost(id);
  if (!post) notFound();
  const parts = post.body.split(/(https?:\/\/\S+)/g);
  return (
    <article className="mx-auto max-w-xl rounded-lg bg-white p-5 ring-1 ring-zinc-200" aria-label="Outbox post">
      <header className="mb-3 flex items-center justify-between text-sm">
        <span className="font-semibold">@{post.handle}</span>
        <time className="text-xs text-zinc-500" dateTime={post.createdAt.toISOString()}>{post.createdAt.toUTCString()}</time>
      </header>
      {post.community && <p className="mb-1 text-xs text-zinc-500">in {post.community}</p>}
      <p className="whitespace-pre-wrap text-zinc-900">
        {parts.map((p, i) => (/^https?:\/\//.test(p) ? <a key={i} href={p} className="text-brand-700 underline">{p}</a> : p))}
      </p>
      {post.imageUrl && (
        <img src={post.imageUrl} alt={post.title ?? "Product image"} className="mt-3 max-h-96 w-full rounded object-contain" />
      )}
      <footer className="mt-3 text-xs text-zinc-500">{post.likes} likes · {post.replies} replies · {post.reposts} reposts</footer>
    </article>
  );
}
