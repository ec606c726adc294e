-- CreateEnum
CREATE TYPE "SocialPlatform" AS ENUM ('REDDIT', 'BLUESKY', 'MASTODON', 'OUTBOX');

-- CreateEnum
CREATE TYPE "SocialAccountStatus" AS ENUM ('ACTIVE', 'NEEDS_RECONNECT', 'PAUSED');

-- CreateEnum
CREATE TYPE "PromoPostKind" AS ENUM ('PRODUCT', 'COMMISSION', 'REPLY');

-- CreateEnum
CREATE TYPE "PromoPostStatus" AS ENUM ('DRAFT', 'BLOCKED', 'REJECTED', 'SCHEDULED', 'POSTING', 'POSTED', 'FAILED');

-- AlterTable
ALTER TABLE "commissions" ADD COLUMN     "promoteOptIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "brands" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dailyCapCents" INTEGER NOT NULL DEFAULT 100,
    "monthlyCapCents" INTEGER NOT NULL DEFAULT 2000,
    "postsPerHour" INTEGER NOT NULL DEFAULT 60,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "brands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "social_accounts" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "platform" "SocialPlatform" NOT NULL,
    "handle" TEXT NOT NULL,
    "serviceUrl" TEXT,
    "config" JSONB NOT NULL DEFAULT '{}',
    "status" "SocialAccountStatus" NOT NULL DEFAULT 'ACTIVE',
    "statusReason" TEXT,
    "autoPost" BOOLEAN NOT NULL DEFAULT false,
    "trackingCode" TEXT NOT NULL,
    "voice" TEXT NOT NULL DEFAULT '',
    "hashtags" TEXT[],
    "doRules" TEXT[],
    "dontRules" TEXT[],
    "communities" TEXT[],
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "windows" JSONB NOT NULL DEFAULT '[]',
    "minIntervalMinutes" INTEGER NOT NULL DEFAULT 60,
    "postsPerHour" INTEGER NOT NULL DEFAULT 4,
    "dailyCapCents" INTEGER NOT NULL DEFAULT 20,
    "monthlyCapCents" INTEGER NOT NULL DEFAULT 300,
    "tokenExpiresAt" TIMESTAMP(3),
    "lastSlotAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "social_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "social_secrets" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "social_secrets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promo_posts" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "PromoPostKind" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" "PromoPostStatus" NOT NULL DEFAULT 'DRAFT',
    "productId" TEXT,
    "commissionId" TEXT,
    "parentId" TEXT,
    "replyToId" TEXT,
    "title" TEXT,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "imageUrl" TEXT,
    "imageKey" TEXT,
    "community" TEXT,
    "writer" TEXT NOT NULL,
    "blockReason" TEXT,
    "waitReason" TEXT,
    "scheduledAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "externalId" TEXT,
    "externalUrl" TEXT,
    "postedAt" TIMESTAMP(3),
    "likes" INTEGER NOT NULL DEFAULT 0,
    "replies" INTEGER NOT NULL DEFAULT 0,
    "reposts" INTEGER NOT NULL DEFAULT 0,
    "metricsAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "promo_posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promo_spend" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "units" INTEGER NOT NULL,
    "costCents" INTEGER,
    "accountId" TEXT,
    "brandId" TEXT,
    "postId" TEXT,
    "productId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promo_spend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_posts" (
    "id" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "title" TEXT,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "imageUrl" TEXT,
    "imageKey" TEXT,
    "community" TEXT,
    "parentId" TEXT,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "replies" INTEGER NOT NULL DEFAULT 0,
    "reposts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outbox_posts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "brands_name_key" ON "brands"("name");

-- CreateIndex
CREATE UNIQUE INDEX "social_accounts_trackingCode_key" ON "social_accounts"("trackingCode");

-- CreateIndex
CREATE INDEX "social_accounts_brandId_idx" ON "social_accounts"("brandId");

-- CreateIndex
CREATE INDEX "social_accounts_status_idx" ON "social_accounts"("status");

-- CreateIndex
CREATE UNIQUE INDEX "social_accounts_platform_handle_key" ON "social_accounts"("platform", "handle");

-- CreateIndex
CREATE INDEX "social_secrets_keyId_idx" ON "social_secrets"("keyId");

-- CreateIndex
CREATE UNIQUE INDEX "social_secrets_accountId_name_key" ON "social_secrets"("accountId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "promo_posts_dedupeKey_key" ON "promo_posts"("dedupeKey");

-- CreateIndex
CREATE INDEX "promo_posts_accountId_status_idx" ON "promo_posts"("accountId", "status");

-- CreateIndex
CREATE INDEX "promo_posts_status_scheduledAt_idx" ON "promo_posts"("status", "scheduledAt");

-- CreateIndex
CREATE INDEX "promo_posts_productId_idx" ON "promo_posts"("productId");

-- CreateIndex
CREATE INDEX "promo_posts_commissionId_idx" ON "promo_posts"("commissionId");

-- CreateIndex
CREATE INDEX "promo_posts_parentId_idx" ON "promo_posts"("parentId");

-- CreateIndex
CREATE INDEX "promo_posts_postedAt_idx" ON "promo_posts"("postedAt");

-- CreateIndex
CREATE INDEX "promo_spend_accountId_createdAt_idx" ON "promo_spend"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "promo_spend_brandId_createdAt_idx" ON "promo_spend"("brandId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_posts_idempotencyKey_key" ON "outbox_posts"("idempotencyKey");

-- CreateIndex
CREATE INDEX "outbox_posts_handle_createdAt_idx" ON "outbox_posts"("handle", "createdAt");

-- AddForeignKey
ALTER TABLE "social_accounts" ADD CONSTRAINT "social_accounts_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "social_secrets" ADD CONSTRAINT "social_secrets_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "social_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promo_posts" ADD CONSTRAINT "promo_posts_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "social_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

