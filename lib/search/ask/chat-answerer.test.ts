import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAiStub, sendJson, startOpenAiStub } from "@/test/support/openai-stub";
import { createAnswerer } from "./create-answerer";
import type { Citation } from "./passage";

let stub: OpenAiStub;
let failNext = false;

const passage: Citation = {
  n: 1,
  sermonId: "sermon-1",
  sermonTitle: "More Than Conquerors",
  speakerName: "Ruth Okafor",
  churchName: "Grace Chapel",
  mainPassage: "Romans 8:28–39",
  at: "3:05",
  startMs: 185_000,
  endMs: 215_000,
  href: "/churches/grace/sermons/more-than-conquerors?t=185",
  text: "Nothing can separate us from the love of God.",
};

beforeAll(async () => {
  stub = await startOpenAiStub({
    // https://platform.openai.com/docs/api-reference/chat-streaming — chat.completion.chunk events, then [DONE].
    "POST /v1/chat/completions": (request, res) => {
      if (failNext) {
        failNext = false;
        sendJson(res, 400, {
          error: {
            message: "model not found",
            type: "invalid_request_error",
            code: "model_not_found",
          },
        });
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      const base = {
        id: "chatcmpl-1",
        object: "chat.completion.chunk",
        created: 1_764_000_000,
        model: request.body.model,
      };
      const deltas = [
        { role: "assistant", content: "" },
        { content: "Nothing can separate us " },
        { content: "from God's love [1]." },
      ];
      for (const delta of deltas)
        res.write(
          `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`,
        );
      res.write(
        `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`,
      );
      res.end("data: [DONE]\n\n");
    },
  });
});
afterAll(async () => {
  await stub?.close();
});

const collect = async (pieces: AsyncIterable<string>) => {
  const out: string[] = [];
  for await (const piece of pieces) out.push(piece);
  return out;
};

describe("Ask through an OpenAI-compatible chat model", () => {
  it("streams the answer and sends the instructions, the question and numbered passages", async () => {
    const answerer = createAnswerer({
      ASK_MODEL: "gpt-4o-mini",
      ASK_BASE_URL: stub.baseURL,
      ASK_API_KEY: "sk-ask",
    });
    expect(await collect(answerer.answer("Can anything separate us from God?", [passage]))).toEqual(
      ["Nothing can separate us ", "from God's love [1]."],
    );
    const request = stub.requests.at(-1)!;
    expect(request.headers.authorization).toBe("Bearer sk-ask");
    expect(request.body).toMatchObject({ model: "gpt-4o-mini", stream: true });
    const [system, user] = request.body.messages as Array<{ role: string; content: string }>;
    expect(system?.content).toMatch(/only the numbered sermon passages/);
    expect(system?.content).toMatch(/do not answer the question, say so/);
    expect(user?.content).toContain("Question: Can anything separate us from God?");
    expect(user?.content).toContain(
      "[1] (More Than Conquerors, Ruth Okafor, Romans 8:28–39; at 3:05)\nNothing can separate us",
    );
  });

  it("surfaces the server's error", async () => {
    failNext = true;
    const answerer = createAnswerer({ ASK_MODEL: "missing", ASK_BASE_URL: stub.baseURL });
    await expect(collect(answerer.answer("q", [passage]))).rejects.toThrow(/model not found/);
  });

  it("answers extractively when no model is configured", async () => {
    const answerer = createAnswerer({});
    expect(answerer.name).toBe("extractive");
    const text = (
      await collect(answerer.answer("what separates us from the love of God?", [passage]))
    ).join("");
    expect(text).toContain(
      "“Nothing can separate us from the love of God.” — More Than Conquerors, Ruth Okafor [1]",
    );
    expect((await collect(answerer.answer("tithing and budgets", [passage]))).join("")).toMatch(
      /None of the sermon moments/,
    );
  });
});
