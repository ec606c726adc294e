-- A design's preview (art, thumbnail, mockups, listing copy) is stored before its print files:
-- a commission completes from the preview, and the print files follow in their own job.
-- AlterTable
ALTER TABLE "designs" ADD COLUMN     "previewAt" TIMESTAMP(3);

-- Designs finished before this column existed had their preview too.
UPDATE "designs" SET "previewAt" = COALESCE("finishedAt", "updatedAt") WHERE "status" = 'DONE';
