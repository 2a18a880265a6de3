import {
  TRANSCRIPTION_PROVIDERS,
  type TranscriptionEnv,
  type TranscriptionProviderName,
} from "@/lib/platform/config/transcription-env";

const isProvider = (value: string | null): value is TranscriptionProviderName =>
  (TRANSCRIPTION_PROVIDERS as readonly string[]).includes(value ?? "");

/** The sermon's own choice (Sermon.transcriptionProvider) wins over the configured default. */
export function chooseProvider(
  sermon: { transcriptionProvider: string | null },
  env: Pick<TranscriptionEnv, "TRANSCRIPTION_PROVIDER">,
): TranscriptionProviderName {
  return isProvider(sermon.transcriptionProvider)
    ? sermon.transcriptionProvider
    : env.TRANSCRIPTION_PROVIDER;
}
