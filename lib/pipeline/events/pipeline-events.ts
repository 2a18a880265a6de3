import { EventType } from "inngest";
import { z } from "zod";
import { sermonVersionSchema } from "@/lib/catalog/sermons/sermon-version";
import { PIPELINE_STAGES } from "@/lib/pipeline/stages";

/**
 * The pipeline's event contracts: one zod schema per event, used to trigger Inngest functions
 * (`triggers: [sermonUploaded]`), to publish through the outbox (`./publish-event.ts`)
 * and by the worker to validate what it reads from SQS. Payloads stay small: ids, keys and
 * versions; large data lives in S3 or Postgres.
 *
 * Every event carries a stable id derived from the sermon and a version, so sending it twice
 * is a duplicate that Inngest (and engine/) drops, never a second pipeline run.
 */

const entityId = z.string().min(1).max(64);
/** Every event names the sermon version it is about. */
const sermonKeys = sermonVersionSchema.shape;

type DataSchema = z.ZodObject<Record<string, z.ZodType>>;

/** An Inngest event type that also knows its stable event id. */
export class PipelineEventType<TName extends string, TSchema extends DataSchema> extends EventType<
  TName,
  TSchema
> {
  constructor(
    name: TName,
    schema: TSchema,
    private readonly idOf: (data: z.output<TSchema>) => string,
  ) {
    super({ name, schema });
  }

  /**
   * The event to publish, validated. `retry` names a deliberate re-send (the stuck-work sweep):
   * it gets its own id, still stable, so two sweeps agreeing on the attempt stay one event.
   */
  build(data: z.input<TSchema>, options: { retry?: number } = {}): PipelineEvent {
    const parsed = this.schema.parse(data) as z.output<TSchema>;
    const id = this.idOf(parsed);
    return {
      id: options.retry ? retryEventId(id, options.retry) : id,
      name: this.name,
      data: parsed,
    };
  }

  /** The id of the event built from `data` without a retry suffix. */
  baseIdOf(data: z.input<TSchema>): string {
    return this.idOf(this.schema.parse(data) as z.output<TSchema>);
  }
}

/** The id of the n-th deliberate re-send of the event `id` (n ≥ 1). */
export const retryEventId = (id: string, attempt: number) => `${id}:retry-${attempt}`;

/** What travels through the outbox and SQS: the Inngest event id, name and data. */
export type PipelineEvent = { id: string; name: string; data: Record<string, unknown> };

const define = <TName extends string, TSchema extends DataSchema>(
  name: TName,
  schema: TSchema,
  idOf: (data: z.output<TSchema>) => string,
) => new PipelineEventType(name, schema, idOf);

const sermonVersionId = (prefix: string) => (d: { sermonId: string; mediaVersion: number }) =>
  `${prefix}:${d.sermonId}:v${d.mediaVersion}`;

/** A new upload landed in S3: probe, transcode, make it streamable. */
export const sermonUploaded = define(
  "sermon/uploaded",
  z.object({ ...sermonKeys, objectKey: z.string().min(1).max(1024) }),
  sermonVersionId("sermon-uploaded"),
);

/** The sermon is streamable; transcribe it. */
export const sermonTranscriptionRequested = define(
  "sermon/transcription.requested",
  z.object(sermonKeys),
  sermonVersionId("sermon-transcription-requested"),
);

/** A transcript is stored; chunk, embed and index it. */
export const sermonTranscribed = define(
  "sermon/transcribed",
  z.object({ ...sermonKeys, transcriptId: entityId }),
  sermonVersionId("sermon-transcribed"),
);

/** The sermon is searchable: `notify-church-admins` emails the church's admins; integrations may follow it too. */
export const sermonIndexed = define(
  "sermon/indexed",
  z.object({ ...sermonKeys, chunkCount: z.number().int().min(0) }),
  sermonVersionId("sermon-indexed"),
);

/**
 * A stage gave up; the admin sees `stage` and `reason` on the sermon, and `notify-church-admins`
 * emails them to the church's admins.
 */
export const sermonFailed = define(
  "sermon/failed",
  z.object({ ...sermonKeys, stage: z.enum(PIPELINE_STAGES), reason: z.string().max(2000) }),
  (d) => `sermon-failed:${d.sermonId}:v${d.mediaVersion}:${d.stage}`,
);

/**
 * Re-chunk and re-embed an already transcribed sermon (new embedding model or size).
 * `requestId` names the request, so retrying one request stays one run.
 */
export const sermonReindexRequested = define(
  "sermon/reindex.requested",
  z.object({ ...sermonKeys, requestId: z.string().min(1).max(128) }),
  (d) => `sermon-reindex-requested:${d.sermonId}:v${d.mediaVersion}:${d.requestId}`,
);

/**
 * An admin attached, changed or removed the manuscript of a transcribed sermon: align the
 * transcript with it again. `requestId` is a digest of the manuscript, so saving the same text
 * twice is one run.
 */
export const sermonManuscriptChanged = define(
  "sermon/manuscript.changed",
  z.object({ ...sermonKeys, requestId: z.string().min(1).max(128) }),
  (d) => `sermon-manuscript-changed:${d.sermonId}:v${d.mediaVersion}:${d.requestId}`,
);

/**
 * An import of a podcast feed was started (an admin, the hourly sync): read the feed, then
 * import its new items (lib/pipeline/import/).
 */
export const feedImportRequested = define(
  "feed/import.requested",
  z.object({ churchId: entityId, importId: entityId }),
  (d) => `feed-import-requested:${d.importId}`,
);

/**
 * The import's next page of items: one run handles a page, so a feed of thousands of items
 * stays within a run's step limit. `page` numbers the continuation, keeping its id stable.
 */
export const feedImportContinued = define(
  "feed/import.continued",
  z.object({ churchId: entityId, importId: entityId, page: z.number().int().min(1) }),
  (d) => `feed-import-continued:${d.importId}:${d.page}`,
);

export const pipelineEvents = {
  [sermonUploaded.name]: sermonUploaded,
  [sermonTranscriptionRequested.name]: sermonTranscriptionRequested,
  [sermonTranscribed.name]: sermonTranscribed,
  [sermonIndexed.name]: sermonIndexed,
  [sermonFailed.name]: sermonFailed,
  [sermonReindexRequested.name]: sermonReindexRequested,
  [sermonManuscriptChanged.name]: sermonManuscriptChanged,
  [feedImportRequested.name]: feedImportRequested,
  [feedImportContinued.name]: feedImportContinued,
} as const;

export type PipelineEventName = keyof typeof pipelineEvents;

export const isPipelineEventName = (name: string): name is PipelineEventName =>
  Object.hasOwn(pipelineEvents, name);

/** The SQS message body: the event plus when it was published (ms since the epoch). */
export const eventEnvelopeSchema = z.object({
  id: z.string().min(1).max(512),
  name: z.string().min(1).max(256),
  data: z.record(z.string(), z.unknown()),
  ts: z.number().int().positive(),
});

export type EventEnvelope = z.output<typeof eventEnvelopeSchema> & { name: PipelineEventName };
