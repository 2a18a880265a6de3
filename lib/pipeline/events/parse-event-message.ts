import { z } from "zod";
import {
  eventEnvelopeSchema,
  isPipelineEventName,
  pipelineEvents,
  type EventEnvelope,
} from "@/lib/pipeline/events/pipeline-events";

/** A message that can never become a valid event: it goes to the DLQ at once, with this reason. */
export class InvalidEventMessageError extends Error {
  constructor(readonly reason: string) {
    super(`invalid event message: ${reason}`);
    this.name = "InvalidEventMessageError";
  }
}

/** Parses an SQS message body into a pipeline event, checked against the event's own schema. */
export function parseEventMessage(body: string | undefined): EventEnvelope {
  if (!body) throw new InvalidEventMessageError("empty body");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new InvalidEventMessageError("body is not JSON");
  }
  const envelope = eventEnvelopeSchema.safeParse(json);
  if (!envelope.success)
    throw new InvalidEventMessageError(`envelope: ${describe(envelope.error)}`);
  const { name } = envelope.data;
  if (!isPipelineEventName(name))
    throw new InvalidEventMessageError(`unknown event name ${JSON.stringify(name.slice(0, 100))}`);
  const data = pipelineEvents[name].schema.safeParse(envelope.data.data);
  if (!data.success) throw new InvalidEventMessageError(`${name} data: ${describe(data.error)}`);
  return { ...envelope.data, name, data: data.data };
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}
