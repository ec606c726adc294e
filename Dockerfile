# One image for web and worker (the command differs). Build: docker build -t merchloop .
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core fontconfig ca-certificates && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY server/db-adapter.ts ./server/db-adapter.ts
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
RUN npx next build

FROM deps AS runtime
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production PORT=3000
# glibc malloc tuned for sharp/libvips' large pixel buffers (see scripts/start.ts).
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=1048576
COPY . .
COPY --from=build /app/.next ./.next
EXPOSE 3000
# web: migrate, seed (idempotent), serve. The worker service overrides the command.
CMD ["sh", "-c", "npx prisma migrate deploy && npx tsx prisma/seed.ts && npx tsx scripts/web.ts -p ${PORT}"]
