// Runs once when the web process starts (Next calls register() before serving). The Node.js-only
// checks live in instrumentation-node.ts; the Edge runtime (unused here) never loads them.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
