-- The trace the publishing request belonged to, carried to the worker and the function run.
ALTER TABLE "Outbox" ADD COLUMN "traceparent" TEXT;
