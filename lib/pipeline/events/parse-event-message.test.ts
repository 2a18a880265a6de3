import { describe, expect, it } from "vitest";
import { sermonUploaded } from "@/lib/pipeline/events/pipeline-events";
import { InvalidEventMessageError, parseEventMessage } from "./parse-event-message";

const event = sermonUploaded.build({
  sermonId: "s1",
  churchId: "c1",
  mediaVersion: 2,
  objectKey: "c1/s1/v2/original",
});
const body = (value: unknown) => JSON.stringify(value);

const reasonFor = (text: string | undefined) => {
  try {
    parseEventMessage(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventMessageError);
    return (error as InvalidEventMessageError).reason;
  }
  throw new Error("expected the message to be rejected");
};

describe("parseEventMessage", () => {
  it("accepts an envelope whose data matches its event's schema", () => {
    expect(parseEventMessage(body({ ...event, ts: 1 }))).toEqual({ ...event, ts: 1 });
    expect(event.id).toBe("sermon-uploaded:s1:v2");
  });

  it.each([
    [undefined, "empty body"],
    ["{not json", "body is not JSON"],
    [body({ name: "sermon/uploaded", data: {}, ts: 1 }), "envelope: id:"],
    [body({ ...event, name: "sermon/exploded", ts: 1 }), 'unknown event name "sermon/exploded"'],
    [
      body({ ...event, data: { ...event.data, mediaVersion: "2" }, ts: 1 }),
      "sermon/uploaded data: mediaVersion:",
    ],
  ])("rejects %s with a reason", (text, reason) => {
    expect(reasonFor(text)).toContain(reason);
  });

  it("gives re-sends by the sweep their own stable id", () => {
    const data = { sermonId: "s1", churchId: "c1", mediaVersion: 2, objectKey: "k" };
    expect(sermonUploaded.build(data, { retry: 1 }).id).toBe("sermon-uploaded:s1:v2:retry-1");
    expect(sermonUploaded.build(data, { retry: 1 })).toEqual(
      sermonUploaded.build(data, { retry: 1 }),
    );
  });
});
