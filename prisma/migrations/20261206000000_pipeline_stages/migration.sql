-- One pipeline vocabulary: the failed stage becomes an enum, and an unusable file its own status.
CREATE TYPE "PipelineStage" AS ENUM ('upload', 'audio_check', 'transcode', 'transcribe', 'index');

-- Free-text stage names written before this migration ("Audio check", "Processing",
-- "Transcription"/"transcription", "Search indexing"/"Indexing") map onto the enum.
ALTER TABLE "Sermon" ADD COLUMN "failedStageEnum" "PipelineStage";
UPDATE "Sermon" SET "failedStageEnum" = (CASE
    WHEN lower("failedStage") LIKE '%audio%' THEN 'audio_check'
    WHEN lower("failedStage") LIKE '%transcri%' THEN 'transcribe'
    WHEN lower("failedStage") LIKE '%index%' THEN 'index'
    ELSE 'transcode'
  END)::"PipelineStage"
  WHERE "failedStage" IS NOT NULL;
ALTER TABLE "Sermon" DROP COLUMN "failedStage";
ALTER TABLE "Sermon" RENAME COLUMN "failedStageEnum" TO "failedStage";

-- A new enum value cannot be used in the transaction that adds it, so the type is rebuilt.
ALTER TYPE "SermonStatus" RENAME TO "SermonStatus_old";
CREATE TYPE "SermonStatus" AS ENUM ('draft', 'uploading', 'processing', 'streamable', 'transcribed', 'searchable', 'failed', 'rejected');
ALTER TABLE "Sermon" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Sermon" ALTER COLUMN "status" TYPE "SermonStatus" USING (
  CASE WHEN "status"::text = 'failed' AND "failedStage" = 'audio_check' THEN 'rejected' ELSE "status"::text END
)::"SermonStatus";
ALTER TABLE "Sermon" ALTER COLUMN "status" SET DEFAULT 'draft';
DROP TYPE "SermonStatus_old";
