-- CreateEnum
CREATE TYPE "OutcomeKind" AS ENUM ('VIEW', 'VARIANT_PICK', 'ADD_TO_CART', 'CHECKOUT_STARTED', 'PURCHASE', 'COMMISSION');

-- CreateEnum
CREATE TYPE "OutcomeSource" AS ENUM ('STOREFRONT', 'PRINTFUL', 'ZAZZLE', 'CSV', 'SERVER');

-- CreateEnum
CREATE TYPE "ExperimentKind" AS ENUM ('TITLE', 'HERO');

-- CreateEnum
CREATE TYPE "ExperimentStatus" AS ENUM ('RUNNING', 'PROMOTED', 'STOPPED');

-- CreateEnum
CREATE TYPE "WeightProposalStatus" AS ENUM ('PROPOSED', 'APPLIED', 'REJECTED', 'ROLLED_BACK');

-- CreateEnum
CREATE TYPE "BudgetPeriod" AS ENUM ('DAILY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('FIRING', 'RESOLVED');

-- CreateTable
CREATE TABLE "outcome_events" (
    "id" BIGSERIAL NOT NULL,
    "kind" "OutcomeKind" NOT NULL,
    "source" "OutcomeSource" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "listingId" TEXT,
    "designId" TEXT,
    "ideaId" TEXT,
    "signalId" TEXT,
    "community" TEXT,
    "theme" TEXT,
    "marketplace" "Marketplace",
    "orderId" TEXT,
    "commissionId" TEXT,
    "experimentId" TEXT,
    "armId" TEXT,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "revenueCents" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "importId" TEXT,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outcome_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outcome_daily" (
    "day" DATE NOT NULL,
    "community" TEXT NOT NULL DEFAULT '',
    "marketplace" "Marketplace" NOT NULL,
    "kind" "OutcomeKind" NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "revenueCents" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outcome_daily_pkey" PRIMARY KEY ("day","community","marketplace","kind")
);

-- CreateTable
CREATE TABLE "outcome_imports" (
    "id" TEXT NOT NULL,
    "source" "OutcomeSource" NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "fileName" TEXT,
    "rows" INTEGER NOT NULL,
    "added" INTEGER NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outcome_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "experiments" (
    "id" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "kind" "ExperimentKind" NOT NULL,
    "status" "ExperimentStatus" NOT NULL DEFAULT 'RUNNING',
    "threshold" DOUBLE PRECISION NOT NULL DEFAULT 0.95,
    "winnerArmId" TEXT,
    "promotedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "experiments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "experiment_arms" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "title" TEXT,
    "productType" TEXT,
    "views" INTEGER NOT NULL DEFAULT 0,
    "conversions" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "experiment_arms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "weight_proposals" (
    "id" TEXT NOT NULL,
    "status" "WeightProposalStatus" NOT NULL DEFAULT 'PROPOSED',
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "coefficients" JSONB NOT NULL,
    "sampleSize" INTEGER NOT NULL,
    "views" INTEGER NOT NULL,
    "sales" INTEGER NOT NULL,
    "trainLoss" DOUBLE PRECISION NOT NULL,
    "heldOutBefore" DOUBLE PRECISION NOT NULL,
    "heldOutAfter" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "appliedAt" TIMESTAMP(3),
    "appliedById" TEXT,
    "rolledBackAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "weight_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prices" (
    "key" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "microsPerUnit" DOUBLE PRECISION NOT NULL,
    "fixedMicros" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "prices_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "cost_entries" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "priceKey" TEXT,
    "units" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "amountMicros" BIGINT,
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "paid" BOOLEAN NOT NULL DEFAULT false,
    "signalId" TEXT,
    "ideaId" TEXT,
    "designId" TEXT,
    "listingId" TEXT,
    "commissionId" TEXT,
    "orderId" TEXT,
    "community" TEXT,
    "dedupeKey" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cost_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budgets" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "period" "BudgetPeriod" NOT NULL,
    "capCents" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "budgets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'FIRING',
    "message" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "threshold" DOUBLE PRECISION,
    "channels" TEXT[],
    "dedupeKey" TEXT,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outcome_events_dedupeKey_key" ON "outcome_events"("dedupeKey");

-- CreateIndex
CREATE INDEX "outcome_events_occurredAt_idx" ON "outcome_events"("occurredAt");

-- CreateIndex
CREATE INDEX "outcome_events_kind_occurredAt_idx" ON "outcome_events"("kind", "occurredAt");

-- CreateIndex
CREATE INDEX "outcome_events_listingId_kind_idx" ON "outcome_events"("listingId", "kind");

-- CreateIndex
CREATE INDEX "outcome_events_ideaId_idx" ON "outcome_events"("ideaId");

-- CreateIndex
CREATE INDEX "outcome_events_experimentId_armId_idx" ON "outcome_events"("experimentId", "armId");

-- CreateIndex
CREATE INDEX "outcome_daily_kind_day_idx" ON "outcome_daily"("kind", "day");

-- CreateIndex
CREATE UNIQUE INDEX "outcome_imports_source_fileSha256_key" ON "outcome_imports"("source", "fileSha256");

-- CreateIndex
CREATE INDEX "experiments_listingId_status_idx" ON "experiments"("listingId", "status");

-- CreateIndex
CREATE INDEX "experiments_status_idx" ON "experiments"("status");

-- CreateIndex
CREATE INDEX "experiment_arms_experimentId_idx" ON "experiment_arms"("experimentId");

-- CreateIndex
CREATE INDEX "weight_proposals_status_createdAt_idx" ON "weight_proposals"("status", "createdAt");

-- CreateIndex
CREATE INDEX "weight_proposals_createdAt_idx" ON "weight_proposals"("createdAt");

-- CreateIndex
CREATE INDEX "prices_provider_idx" ON "prices"("provider");

-- CreateIndex
CREATE UNIQUE INDEX "cost_entries_dedupeKey_key" ON "cost_entries"("dedupeKey");

-- CreateIndex
CREATE INDEX "cost_entries_occurredAt_idx" ON "cost_entries"("occurredAt");

-- CreateIndex
CREATE INDEX "cost_entries_provider_occurredAt_idx" ON "cost_entries"("provider", "occurredAt");

-- CreateIndex
CREATE INDEX "cost_entries_ideaId_idx" ON "cost_entries"("ideaId");

-- CreateIndex
CREATE INDEX "cost_entries_designId_idx" ON "cost_entries"("designId");

-- CreateIndex
CREATE INDEX "cost_entries_commissionId_idx" ON "cost_entries"("commissionId");

-- CreateIndex
CREATE INDEX "cost_entries_orderId_idx" ON "cost_entries"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "budgets_provider_period_key" ON "budgets"("provider", "period");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_dedupeKey_key" ON "alerts"("dedupeKey");

-- CreateIndex
CREATE INDEX "alerts_rule_firedAt_idx" ON "alerts"("rule", "firedAt");

-- CreateIndex
CREATE INDEX "alerts_status_idx" ON "alerts"("status");

-- AddForeignKey
ALTER TABLE "experiment_arms" ADD CONSTRAINT "experiment_arms_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

