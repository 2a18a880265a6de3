-- A sermon's manuscript, and which segments of a transcript aligned to it are its words.
ALTER TABLE "Sermon" ADD COLUMN     "manuscript" TEXT;

ALTER TABLE "TranscriptSegment" ADD COLUMN     "source" TEXT;
