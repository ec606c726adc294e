import { defineConfig } from "prisma/config";
import { makeAdapter } from "./server/db-adapter";

// Prisma 6.19 with the wasm schema engine: migrations run offline through the pg driver adapter.
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: prisma needs it to reach Postgres");
    return makeAdapter(url, 2);
  },
});
