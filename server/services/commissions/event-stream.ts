import { isTerminal, readUpdate, watchCommission, type LiveUpdate } from "./live-events";

const KEEPALIVE_MS = 15_000;
const MAX_STREAM_MS = 10 * 60_000;

/**
 * Server-sent events for one commission: the stored events after `afterId`, then new ones as they
 * are announced (live-events.ts), then `event: end` once the commission is final. A client that
 * reconnects sends Last-Event-ID and catches up from the stored events.
 */
export function commissionEventStream(
  commissionId: string,
  afterId: number,
  signal: AbortSignal,
  opts: { maxMs?: number; retryMs?: number; onClose?: () => void | Promise<void> } = {},
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let cursor = afterId;
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const timers: NodeJS.Timeout[] = [];
      let unwatch = () => {};
      stop = () => {
        if (closed) return;
        closed = true;
        unwatch();
        void opts.onClose?.();
        timers.forEach((t) => clearTimeout(t));
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      const send = (s: string) => {
        if (!closed) controller.enqueue(enc.encode(s));
      };
      const update = ({ events, status }: LiveUpdate) => {
        for (const e of events) {
          if (e.id <= cursor) continue;
          cursor = e.id;
          send(`id: ${e.id}\nevent: progress\ndata: ${JSON.stringify({ id: e.id, type: e.type, message: e.message, progress: e.progress, createdAt: e.createdAt })}\n\n`);
        }
        if (isTerminal(status)) {
          send(`event: end\ndata: ${JSON.stringify({ status: status ?? "GONE" })}\n\n`);
          stop();
        }
      };
      signal.addEventListener("abort", () => stop());
      send(`retry: ${opts.retryMs ?? 2000}\n\n`);
      timers.push(setInterval(() => send(": keep-alive\n\n"), KEEPALIVE_MS));
      timers.push(setTimeout(() => stop(), opts.maxMs ?? MAX_STREAM_MS)); // the browser reconnects with Last-Event-ID
      try {
        // Watch first, then catch up: nothing committed in between is missed (ids dedupe the overlap).
        unwatch = await watchCommission(commissionId, afterId, update);
        if (closed) return unwatch();
        update(await readUpdate(commissionId, afterId));
      } catch {
        stop(); // the database is unreachable: the client retries with Last-Event-ID
      }
    },
    cancel() {
      stop();
    },
  });
}
