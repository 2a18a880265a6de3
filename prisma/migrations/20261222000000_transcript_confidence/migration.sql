-- AlterTable
ALTER TABLE "TranscriptSegment" ADD COLUMN     "confidence" DOUBLE PRECISION,
ADD COLUMN     "wordConfidences" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[];

-- AlterTable
ALTER TABLE "Chunk" ADD COLUMN     "confidence" DOUBLE PRECISION;
