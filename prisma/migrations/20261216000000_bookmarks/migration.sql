-- Bookmarks (lib/catalog/bookmarks/): a moment a signed-in listener marked in a sermon, with an
-- optional note; they go with the listener's account and with the sermon.
-- CreateTable
CREATE TABLE "Bookmark" (
    "id" TEXT NOT NULL,
    "listenerId" TEXT NOT NULL,
    "sermonId" TEXT NOT NULL,
    "positionMs" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bookmark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Bookmark_listenerId_sermonId_positionMs_idx" ON "Bookmark"("listenerId", "sermonId", "positionMs");

-- CreateIndex
CREATE INDEX "Bookmark_sermonId_idx" ON "Bookmark"("sermonId");

-- AddForeignKey
ALTER TABLE "Bookmark" ADD CONSTRAINT "Bookmark_listenerId_fkey" FOREIGN KEY ("listenerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bookmark" ADD CONSTRAINT "Bookmark_sermonId_fkey" FOREIGN KEY ("sermonId") REFERENCES "Sermon"("id") ON DELETE CASCADE ON UPDATE CASCADE;
