-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('SENT', 'FAILED');

-- CreateTable
CREATE TABLE "mail_messages" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "kind" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerId" TEXT,
    "status" "MailStatus" NOT NULL,
    "error" TEXT,
    "entityType" TEXT,
    "entityId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mail_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mail_messages_idempotencyKey_key" ON "mail_messages"("idempotencyKey");
CREATE INDEX "mail_messages_kind_idx" ON "mail_messages"("kind");
CREATE INDEX "mail_messages_status_idx" ON "mail_messages"("status");
CREATE INDEX "mail_messages_entityType_entityId_idx" ON "mail_messages"("entityType", "entityId");
CREATE INDEX "mail_messages_createdAt_idx" ON "mail_messages"("createdAt");
