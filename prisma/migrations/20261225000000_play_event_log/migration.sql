-- PlayEvent as a log (prisma/schema.prisma): a beacon's reports went in with a foreign-key
-- check and an index entry each that nothing needed — the purge goes by day, and the INSERT
-- already skips reports of sermons that no longer exist. The rollup now deletes reports of
-- deleted sermons, which the cascade used to.

-- DropForeignKey
ALTER TABLE "PlayEvent" DROP CONSTRAINT "PlayEvent_sermonId_fkey";

-- DropIndex
DROP INDEX "PlayEvent_createdAt_idx";
