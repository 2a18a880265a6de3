-- Scripture snapping: a passage read aloud is recorded with its end and translation, and the
-- transcript segments that hold its verses carry a label.

-- AlterTable
ALTER TABLE "ScriptureRef" ADD COLUMN     "endMs" INTEGER,
ADD COLUMN     "snapped" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "translation" TEXT;

-- AlterTable
ALTER TABLE "TranscriptSegment" ADD COLUMN     "scripture" TEXT;
