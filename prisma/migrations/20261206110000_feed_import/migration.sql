-- Back-catalogue import from podcast feeds (lib/pipeline/import/): the feeds a church imports
-- from, each pass over one, and each item known by its guid so a second pass adds only new ones.
-- CreateEnum
CREATE TYPE "FeedImportStatus" AS ENUM ('queued', 'reading', 'importing', 'finished', 'failed');

-- CreateEnum
CREATE TYPE "FeedItemState" AS ENUM ('queued', 'fetching', 'imported', 'failed');

-- CreateTable
CREATE TABLE "FeedSource" (
    "id" TEXT NOT NULL,
    "churchId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "keepInSync" BOOLEAN NOT NULL DEFAULT false,
    "importAsDrafts" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedImport" (
    "id" TEXT NOT NULL,
    "churchId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "startedBy" TEXT NOT NULL,
    "status" "FeedImportStatus" NOT NULL DEFAULT 'queued',
    "failureReason" TEXT,
    "itemCount" INTEGER,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "FeedImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedItem" (
    "id" TEXT NOT NULL,
    "churchId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "state" "FeedItemState" NOT NULL DEFAULT 'queued',
    "title" TEXT NOT NULL,
    "description" TEXT,
    "publishedAt" TIMESTAMP(3),
    "speaker" TEXT,
    "series" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "enclosureUrl" TEXT NOT NULL,
    "transcriptUrl" TEXT,
    "transcriptType" TEXT,
    "bytesFetched" BIGINT NOT NULL DEFAULT 0,
    "bytesTotal" BIGINT,
    "failureReason" TEXT,
    "transcriptNote" TEXT,
    "sermonId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedSource_churchId_url_key" ON "FeedSource"("churchId", "url");

-- CreateIndex
CREATE INDEX "FeedImport_sourceId_createdAt_idx" ON "FeedImport"("sourceId", "createdAt");

-- CreateIndex
CREATE INDEX "FeedImport_status_idx" ON "FeedImport"("status");

-- CreateIndex
CREATE UNIQUE INDEX "FeedItem_sermonId_key" ON "FeedItem"("sermonId");

-- CreateIndex
CREATE INDEX "FeedItem_importId_position_idx" ON "FeedItem"("importId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "FeedItem_churchId_key_key" ON "FeedItem"("churchId", "key");

-- AddForeignKey
ALTER TABLE "FeedSource" ADD CONSTRAINT "FeedSource_churchId_fkey" FOREIGN KEY ("churchId") REFERENCES "Church"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedImport" ADD CONSTRAINT "FeedImport_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "FeedSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedItem" ADD CONSTRAINT "FeedItem_churchId_fkey" FOREIGN KEY ("churchId") REFERENCES "Church"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedItem" ADD CONSTRAINT "FeedItem_importId_fkey" FOREIGN KEY ("importId") REFERENCES "FeedImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedItem" ADD CONSTRAINT "FeedItem_sermonId_fkey" FOREIGN KEY ("sermonId") REFERENCES "Sermon"("id") ON DELETE SET NULL ON UPDATE CASCADE;

