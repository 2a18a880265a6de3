-- Listening insights (lib/catalog/insights/). PlayEvent was never written; any rows (with the
-- account id they carried) are dropped so the new NOT NULL columns apply.
DELETE FROM "PlayEvent";

-- AlterEnum
CREATE TYPE "PlayEventKind_new" AS ENUM ('play', 'progress', 'complete', 'seek');
ALTER TABLE "PlayEvent" ALTER COLUMN "kind" TYPE "PlayEventKind_new" USING ("kind"::text::"PlayEventKind_new");
ALTER TYPE "PlayEventKind" RENAME TO "PlayEventKind_old";
ALTER TYPE "PlayEventKind_new" RENAME TO "PlayEventKind";
DROP TYPE "PlayEventKind_old";

-- DropIndex
DROP INDEX "PlayEvent_sermonId_createdAt_idx";

-- AlterTable
ALTER TABLE "PlayEvent" DROP COLUMN "listenerId",
ADD COLUMN     "churchId" TEXT NOT NULL,
ADD COLUMN     "day" DATE NOT NULL,
ADD COLUMN     "fromMs" INTEGER,
ADD COLUMN     "listenerHash" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "SermonListeningDay" (
    "sermonId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "churchId" TEXT NOT NULL,
    "plays" INTEGER NOT NULL DEFAULT 0,
    "uniqueListeners" INTEGER NOT NULL DEFAULT 0,
    "completions" INTEGER NOT NULL DEFAULT 0,
    "completionSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "retention" INTEGER[] DEFAULT ARRAY[]::INTEGER[],

    CONSTRAINT "SermonListeningDay_pkey" PRIMARY KEY ("sermonId","day")
);

-- CreateTable
CREATE TABLE "ChurchListeningDay" (
    "churchId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "plays" INTEGER NOT NULL DEFAULT 0,
    "uniqueListeners" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ChurchListeningDay_pkey" PRIMARY KEY ("churchId","day")
);

-- CreateTable
CREATE TABLE "FeedDownloadDay" (
    "sermonId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "churchId" TEXT NOT NULL,
    "downloads" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FeedDownloadDay_pkey" PRIMARY KEY ("sermonId","day")
);

-- CreateTable
CREATE TABLE "SearchQueryDay" (
    "churchId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "query" TEXT NOT NULL,
    "searches" INTEGER NOT NULL DEFAULT 0,
    "zeroResults" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SearchQueryDay_pkey" PRIMARY KEY ("churchId","day","query")
);

-- CreateIndex
CREATE INDEX "SermonListeningDay_churchId_day_idx" ON "SermonListeningDay"("churchId", "day");

-- CreateIndex
CREATE INDEX "FeedDownloadDay_churchId_day_idx" ON "FeedDownloadDay"("churchId", "day");

-- CreateIndex
CREATE INDEX "PlayEvent_day_sermonId_idx" ON "PlayEvent"("day", "sermonId");

-- CreateIndex
CREATE INDEX "PlayEvent_createdAt_idx" ON "PlayEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "SermonListeningDay" ADD CONSTRAINT "SermonListeningDay_sermonId_fkey" FOREIGN KEY ("sermonId") REFERENCES "Sermon"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChurchListeningDay" ADD CONSTRAINT "ChurchListeningDay_churchId_fkey" FOREIGN KEY ("churchId") REFERENCES "Church"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedDownloadDay" ADD CONSTRAINT "FeedDownloadDay_sermonId_fkey" FOREIGN KEY ("sermonId") REFERENCES "Sermon"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchQueryDay" ADD CONSTRAINT "SearchQueryDay_churchId_fkey" FOREIGN KEY ("churchId") REFERENCES "Church"("id") ON DELETE CASCADE ON UPDATE CASCADE;

