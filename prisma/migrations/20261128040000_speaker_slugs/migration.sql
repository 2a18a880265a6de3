-- Speakers get a stored slug, like series. Existing rows are backfilled from their names the
-- way lib/text/slugify.ts makes them (lower case, runs of other characters become "-"); a
-- name that slugs like an earlier speaker's in the same church gets its id appended.
ALTER TABLE "Speaker" ADD COLUMN "slug" TEXT;

UPDATE "Speaker"
SET "slug" = COALESCE(NULLIF(trim(both '-' from regexp_replace(lower("name"), '[^a-z0-9]+', '-', 'g')), ''), 'speaker');

UPDATE "Speaker" AS s
SET "slug" = s."slug" || '-' || s."id"
WHERE EXISTS (
  SELECT 1 FROM "Speaker" AS o
  WHERE o."churchId" = s."churchId" AND o."slug" = s."slug" AND (o."createdAt", o."id") < (s."createdAt", s."id")
);

ALTER TABLE "Speaker" ALTER COLUMN "slug" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Speaker_churchId_slug_key" ON "Speaker"("churchId", "slug");
