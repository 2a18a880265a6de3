-- Chapters of a sermon (lib/catalog/chapters/, found by lib/pipeline/chapters/): automatic ones from
-- the transcript, or an admin's, which no later run replaces.
-- CreateEnum
CREATE TYPE "ChapterSource" AS ENUM ('auto', 'admin');

-- CreateTable
CREATE TABLE "Chapter" (
    "id" TEXT NOT NULL,
    "sermonId" TEXT NOT NULL,
    "transcriptId" TEXT,
    "startMs" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "source" "ChapterSource" NOT NULL DEFAULT 'auto',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Chapter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Chapter_sermonId_startMs_key" ON "Chapter"("sermonId", "startMs");

-- AddForeignKey
ALTER TABLE "Chapter" ADD CONSTRAINT "Chapter_sermonId_fkey" FOREIGN KEY ("sermonId") REFERENCES "Sermon"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chapter" ADD CONSTRAINT "Chapter_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript"("id") ON DELETE SET NULL ON UPDATE CASCADE;

