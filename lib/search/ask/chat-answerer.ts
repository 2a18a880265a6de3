import type OpenAI from "openai";
import type { Answerer } from "./answerer";
import type { Citation } from "./passage";

export const ANSWER_INSTRUCTIONS = [
  "You answer a listener's question about sermons, using only the numbered sermon passages given.",
  "Cite every claim with the passage number in square brackets, like [2]; cite only numbers that exist.",
  "If the passages do not answer the question, say so plainly in one sentence and do not guess or add outside knowledge.",
  "Be brief: at most two short paragraphs, in plain prose.",
].join(" ");

/** The passages as the model sees them: number, sermon, speaker, verse, time, words. */
export function formatPassages(passages: readonly Citation[]): string {
  return passages
    .map((p) => {
      const about = [p.sermonTitle, p.speakerName, p.mainPassage].filter(Boolean).join(", ");
      return `[${p.n}] (${about}; at ${p.at})\n${p.text}`;
    })
    .join("\n\n");
}

/** Answers with an OpenAI (or OpenAI-compatible) chat model, streamed as it is written. */
export function createChatAnswerer(client: OpenAI, model: string): Answerer {
  return {
    name: model,
    async *answer(question, passages, signal) {
      const stream = await client.chat.completions.create(
        {
          model,
          stream: true,
          temperature: 0.2,
          messages: [
            { role: "system", content: ANSWER_INSTRUCTIONS },
            {
              role: "user",
              content: `Question: ${question}\n\nPassages:\n\n${formatPassages(passages)}`,
            },
          ],
        },
        { signal },
      );
      for await (const chunk of stream) {
        const text = chunk.choices[0]?.delta?.content;
        if (text) yield text;
      }
    },
  };
}
