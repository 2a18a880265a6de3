import { describe, expect, it } from "vitest";
import { interpretResponse, parseRetryAfter } from "./sdk-call";
import { signatureFor, signatureProblem } from "./signing";

const sdkHeaders = (extra: Record<string, string> = {}) =>
  new Headers({ "x-inngest-sdk": "inngest-js:v4.24.0", ...extra });

describe("interpretResponse", () => {
  it("treats an answer without x-inngest-sdk as a transient error, even a 200", () => {
    const outcome = interpretResponse(200, new Headers(), "{}");
    expect(outcome).toMatchObject({ kind: "error", retriable: true });
  });

  it("reads 200 as completion and 206 as ops (a single op object too)", () => {
    expect(interpretResponse(200, sdkHeaders({ "x-inngest-req-version": "2" }), '{"b":1}')).toEqual(
      { kind: "complete", output: { b: 1 }, requestVersion: 2 },
    );
    const ops = interpretResponse(206, sdkHeaders(), '{"id":"abc","op":"StepRun","data":1}');
    expect(ops).toMatchObject({ kind: "ops", ops: [{ id: "abc", op: "StepRun", data: 1 }] });
  });

  it("obeys x-inngest-no-retry and retry-after on errors", () => {
    const final = interpretResponse(
      400,
      sdkHeaders({ "x-inngest-no-retry": "true" }),
      '{"name":"Error","message":"x","__serialized":true}',
    );
    expect(final).toMatchObject({
      kind: "error",
      retriable: false,
      error: { name: "Error", message: "x" },
    });
    const later = interpretResponse(
      500,
      sdkHeaders({ "x-inngest-no-retry": "false", "retry-after": "30" }),
      '{"message":"later"}',
    );
    expect(later).toMatchObject({ kind: "error", retriable: true, retryAfterMs: 30_000 });
  });

  it("unwraps a streamed 201 envelope", () => {
    const body = `   ${JSON.stringify({ status: 206, headers: { "x-inngest-req-version": "2" }, body: '[{"id":"a","op":"Sleep","name":"1s"}]' })}`;
    expect(interpretResponse(201, sdkHeaders(), body)).toMatchObject({
      kind: "ops",
      ops: [{ op: "Sleep", name: "1s" }],
      requestVersion: 2,
    });
  });

  it("turns garbage into a transient error", () => {
    expect(interpretResponse(206, sdkHeaders(), "{oops")).toMatchObject({
      kind: "error",
      retriable: true,
    });
    expect(interpretResponse(206, sdkHeaders(), '[{"nope":1}]')).toMatchObject({
      kind: "error",
      retriable: true,
    });
  });
});

describe("interpretResponse in signed mode", () => {
  const KEY = `signkey-test-${"ab".repeat(32)}`;
  const check = (headers: Headers, text: string) =>
    signatureProblem(headers.get("x-inngest-signature"), text, { signingKey: KEY });

  it("believes an answer only with a valid signature over its body", () => {
    const body = '{"b":1}';
    expect(
      interpretResponse(
        200,
        sdkHeaders({ "x-inngest-signature": signatureFor(body, KEY) }),
        body,
        true,
        check,
      ),
    ).toMatchObject({ kind: "complete", output: { b: 1 } });
    expect(interpretResponse(200, sdkHeaders(), body, true, check)).toMatchObject({
      kind: "error",
      retriable: true,
      error: { message: expect.stringMatching(/no X-Inngest-Signature.*dev mode/) },
    });
    const other = signatureFor(body, `signkey-test-${"cd".repeat(32)}`);
    expect(
      interpretResponse(200, sdkHeaders({ "x-inngest-signature": other }), body, true, check),
    ).toMatchObject({ kind: "error", retriable: true });
    expect(
      interpretResponse(
        200,
        sdkHeaders({ "x-inngest-signature": signatureFor(body, KEY) }),
        '{"b":2}',
        true,
        check,
      ),
    ).toMatchObject({ kind: "error" });
  });

  it("checks a streamed answer's signature inside its envelope", () => {
    const inner = '[{"id":"a","op":"Sleep","name":"1s"}]';
    const envelope = (signature: string) =>
      `  ${JSON.stringify({ status: 206, headers: { "x-inngest-signature": signature }, body: inner })}`;
    expect(
      interpretResponse(201, sdkHeaders(), envelope(signatureFor(inner, KEY)), true, check),
    ).toMatchObject({ kind: "ops" });
    expect(interpretResponse(201, sdkHeaders(), envelope("t=1&s=00"), true, check)).toMatchObject({
      kind: "error",
      retriable: true,
    });
  });

  it("explains the SDK's 401 (its headers stripped but x-inngest-sdk-handled)", () => {
    const refused = interpretResponse(
      401,
      new Headers({ "x-inngest-sdk-handled": "true" }),
      '{"message":"Unauthorized"}',
      true,
      check,
    );
    expect(refused).toMatchObject({
      kind: "error",
      retriable: true,
      error: { message: expect.stringMatching(/refused the engine's signature/) },
    });
    const unsigned = interpretResponse(
      401,
      new Headers({ "x-inngest-sdk-handled": "true" }),
      '{"message":"Unauthorized"}',
    );
    expect(unsigned).toMatchObject({
      error: { message: expect.stringMatching(/refused an unsigned call/) },
    });
  });
});

describe("parseRetryAfter", () => {
  it("clamps to [1 s, 24 h] and accepts dates", () => {
    expect(parseRetryAfter("0")).toBe(1000);
    expect(parseRetryAfter("999999")).toBe(24 * 3600_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
