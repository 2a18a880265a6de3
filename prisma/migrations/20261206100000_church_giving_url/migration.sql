-- A church's giving link, announced in its podcast feeds (podcast:funding).
ALTER TABLE "Church" ADD COLUMN "givingUrl" TEXT;
