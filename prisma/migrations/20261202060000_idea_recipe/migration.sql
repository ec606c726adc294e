-- AlterTable
ALTER TABLE "ideas" ADD COLUMN     "phrases" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "template" TEXT,
ADD COLUMN     "templateFamily" TEXT;

-- CreateIndex
CREATE INDEX "ideas_templateFamily_idx" ON "ideas"("templateFamily");
