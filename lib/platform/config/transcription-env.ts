import { z } from "zod";
import { scriptureEnvShape } from "./scripture-env";

export const TRANSCRIPTION_PROVIDERS = ["deepgram", "openai", "local", "provided"] as const;
export type TranscriptionProviderName = (typeof TRANSCRIPTION_PROVIDERS)[number];

const optionalUrl = z.url({ message: "expected an http(s) URL" }).optional();
const wholeNumber = (message: string) => z.coerce.number({ message }).int(message);

/**
 * Which transcriber runs and how it is reached. `local` (pocketsphinx) needs nothing; Deepgram
 * and OpenAI-compatible servers need their keys, checked here when they are the default and
 * at run time when only one sermon asks for them.
 */
export const transcriptionEnvSchema = z
  .object({
    TRANSCRIPTION_PROVIDER: z
      .enum(TRANSCRIPTION_PROVIDERS, {
        message: `expected one of ${TRANSCRIPTION_PROVIDERS.join(", ")}`,
      })
      .default("local"),
    TRANSCRIPTION_LANGUAGE: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "expected a language tag such as en or en-GB")
      .default("en"),
    DEEPGRAM_API_KEY: z.string().min(1).optional(),
    /** Proxies and tests; the SDK's own default is https://api.deepgram.com. */
    DEEPGRAM_BASE_URL: optionalUrl,
    DEEPGRAM_MODEL: z.string().min(1).default("nova-3"),
    /** Any OpenAI-compatible Whisper server (faster-whisper-server, LocalAI…), ending in /v1. */
    TRANSCRIPTION_OPENAI_BASE_URL: optionalUrl,
    TRANSCRIPTION_OPENAI_API_KEY: z.string().min(1).optional(),
    TRANSCRIPTION_OPENAI_MODEL: z.string().min(1).default("whisper-1"),
    /** Larger audio is cut at silences into pieces below this (OpenAI's limit is 25 MB). */
    TRANSCRIPTION_OPENAI_MAX_BYTES: wholeNumber("expected a size in bytes")
      .min(64 * 1024, "expected at least 65536")
      .default(25 * 1000 * 1000),
    /** Recogniser processes per sermon for the local provider (one per core is right). */
    LOCAL_TRANSCRIPTION_PROCESSES: wholeNumber("expected a whole number").min(1).max(16).default(2),
    TRANSCRIPTION_TIMEOUT_SECONDS: wholeNumber("expected a whole number of seconds")
      .min(10)
      .default(1800),
    // The openai SDK's own variables, used when the TRANSCRIPTION_OPENAI_* ones are unset.
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: optionalUrl,
    // A machine transcript's read passages are snapped to this translation as it is stored.
    ...scriptureEnvShape,
  })
  .superRefine((env, ctx) => {
    const missing = missingProviderKey(env, env.TRANSCRIPTION_PROVIDER);
    if (missing)
      ctx.addIssue({ code: "custom", path: [missing.variable], message: missing.message });
  });

export type TranscriptionEnv = z.output<typeof transcriptionEnvSchema>;

/** The key a provider lacks, if any; `local` and `provided` need none. */
export function missingProviderKey(
  env: Pick<
    TranscriptionEnv,
    "DEEPGRAM_API_KEY" | "TRANSCRIPTION_OPENAI_API_KEY" | "OPENAI_API_KEY"
  >,
  provider: TranscriptionProviderName,
): { variable: string; message: string } | undefined {
  if (provider === "deepgram" && !env.DEEPGRAM_API_KEY) {
    return {
      variable: "DEEPGRAM_API_KEY",
      message: "is required for the deepgram transcription provider",
    };
  }
  if (provider === "openai" && !env.TRANSCRIPTION_OPENAI_API_KEY && !env.OPENAI_API_KEY) {
    return {
      variable: "TRANSCRIPTION_OPENAI_API_KEY",
      message: "is required for the openai transcription provider (or set OPENAI_API_KEY)",
    };
  }
  return undefined;
}
