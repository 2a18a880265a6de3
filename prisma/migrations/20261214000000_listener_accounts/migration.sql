-- Listener accounts (lib/catalog/listening/, lib/catalog/follows/): a listener's saved
-- positions and follows belong to their User and go with it. PlaybackProgress was not written
-- before this, so no row can name a user that does not exist; the DELETE makes sure of it.
DELETE FROM "PlaybackProgress" WHERE "listenerId" NOT IN (SELECT "id" FROM "User");
-- CreateTable
CREATE TABLE "Follow" (
    "id" TEXT NOT NULL,
    "listenerId" TEXT NOT NULL,
    "churchId" TEXT,
    "seriesId" TEXT,
    "speakerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Follow_churchId_idx" ON "Follow"("churchId");

-- CreateIndex
CREATE INDEX "Follow_seriesId_idx" ON "Follow"("seriesId");

-- CreateIndex
CREATE INDEX "Follow_speakerId_idx" ON "Follow"("speakerId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_listenerId_churchId_key" ON "Follow"("listenerId", "churchId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_listenerId_seriesId_key" ON "Follow"("listenerId", "seriesId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_listenerId_speakerId_key" ON "Follow"("listenerId", "speakerId");

-- CreateIndex
CREATE INDEX "PlaybackProgress_listenerId_updatedAt_idx" ON "PlaybackProgress"("listenerId", "updatedAt");

-- AddForeignKey
ALTER TABLE "PlaybackProgress" ADD CONSTRAINT "PlaybackProgress_listenerId_fkey" FOREIGN KEY ("listenerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_listenerId_fkey" FOREIGN KEY ("listenerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_churchId_fkey" FOREIGN KEY ("churchId") REFERENCES "Church"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A follow names exactly one thing: a church, a series or a speaker.
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_one_target_check"
    CHECK (num_nonnulls("churchId", "seriesId", "speakerId") = 1);
