// npm run sermon:add -- --church <slug> --title <title> --audio <file> [--speaker <name>]
//   [--series <title>] [--date YYYY-MM-DD] [--transcript <file.vtt|.srt>] [--publish] [--wait]
// Adds a sermon from files on this machine the way an admin does in the browser, and prints
// one JSON line: {"id", "slug", "url"} (and "status" with --wait). Progress goes to stderr.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { sermonPagePath } from "@/lib/catalog/sermons/sermon-page-path";
import { followSermonProcessing } from "@/lib/pipeline/progress/follow-sermon-processing";
import { addSermonFromFiles } from "@/lib/pipeline/upload/add-sermon-from-files";
import { formatBytes } from "@/lib/platform/text/format";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { uploadEnvSchema } from "@/lib/platform/config/upload-env";
import { createDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { publicOrigin } from "@/lib/platform/http/public-origin";
import { FormError } from "@/lib/platform/validation/form-result";
import { EXIT_FAILED, runCli } from "./cli/run-cli";
import { withDatabase } from "./cli/with-database";
import { withStorage } from "./cli/with-storage";
import { readLauncherEnv } from "./launcher/launcher-env";

const USAGE = `Usage: npm run sermon:add -- --church <slug> --title <title> --audio <file>
         [--speaker <name>] [--series <title>] [--date YYYY-MM-DD]
         [--transcript <file.vtt|file.srt>] [--publish] [--wait]`;

/** The flag that gave each field, for messages. */
const FLAG_OF: Record<string, string> = {
  church: "--church",
  title: "--title",
  audio: "--audio",
  speaker: "--speaker",
  speakerId: "--speaker",
  series: "--series",
  seriesId: "--series",
  preachedOn: "--date",
  publishState: "--publish",
  transcript: "--transcript",
};

if (existsSync(".env")) process.loadEnvFile(".env");

await runCli(
  async () => {
    const { values } = parseArgs({
      options: {
        church: { type: "string" },
        title: { type: "string" },
        audio: { type: "string" },
        speaker: { type: "string" },
        series: { type: "string" },
        date: { type: "string" },
        transcript: { type: "string" },
        publish: { type: "boolean", default: false },
        wait: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return;
    }
    const missing = [
      !values.church && "--church: Name the church by its slug, e.g. grace-chapel.",
      !values.title && "--title: Give the sermon a title.",
      !values.audio && "--audio: Name the recording to upload.",
    ].filter((line) => typeof line === "string");
    if (missing.length) throw invalidInput(missing);
    const { UPLOAD_MAX_BYTES } = parseEnv(uploadEnvSchema, process.env);
    // BETTER_AUTH_URL, Selah's public address; without one, the embedded default's own.
    const baseUrl = publicOrigin(new Headers(), `http://127.0.0.1:${readLauncherEnv().PORT}`);

    await withStorage((storage) =>
      withDatabase(async (databaseUrl) => {
        const db = createDb(databaseUrl, 2);
        // Ctrl-C while the sermon is being added undoes it; once it is added, Ctrl-C only
        // stops waiting for it.
        const stop = new AbortController();
        const onInterrupt = () => stop.abort();
        process.once("SIGINT", onInterrupt);
        try {
          const added = await addSermonFromFiles(
            { db, storage, maxBytes: UPLOAD_MAX_BYTES },
            {
              churchSlug: values.church!,
              fields: {
                title: values.title,
                preachedOn: values.date,
                publishState: values.publish ? "published" : "draft",
              },
              speaker: values.speaker,
              series: values.series,
              audioPath: values.audio!,
              transcriptPath: values.transcript,
            },
            { onUploadProgress: showUploadProgress(), signal: stop.signal },
          ).catch((error: unknown) => {
            if (error instanceof FormError) throw invalidInput(flagLines(error.fieldErrors));
            if (stop.signal.aborted)
              throw new Error("Stopped before the sermon was added; nothing was added.");
            throw error;
          });
          process.off("SIGINT", onInterrupt);
          const result = {
            id: added.id,
            slug: added.slug,
            url: `${baseUrl}${sermonPagePath(added.churchSlug, added.slug)}`,
          };
          if (added.transcript)
            console.error(
              `transcript: ${added.transcript.segmentCount} captions from ${values.transcript}`,
            );
          if (!values.wait) {
            console.log(JSON.stringify(result));
            return;
          }
          console.error(
            `added ${result.url}; waiting until it is searchable (Ctrl-C stops waiting)`,
          );
          const outcome = await followSermonProcessing(
            db,
            { churchId: added.churchId, sermonId: added.id },
            {
              onProgress: (line) => console.error(line),
              onQuiet: (ms) =>
                console.error(
                  `no progress for ${ms / 1000} s: the pipeline runs inside Selah (npm start); is it running? Still waiting.`,
                ),
            },
          );
          console.log(JSON.stringify({ ...result, status: outcome.status }));
          if (outcome.failure) {
            console.error(`error: ${outcome.failure}`);
            process.exitCode = EXIT_FAILED;
          }
        } finally {
          process.off("SIGINT", onInterrupt);
          await db.$disconnect();
        }
      }),
    );
  },
  { usage: USAGE },
);

function invalidInput(lines: string[]): AppError {
  return lines.length === 1
    ? AppError.invalidInput(lines[0]!)
    : AppError.invalidInput(`Nothing was added:\n${lines.map((line) => `  ${line}`).join("\n")}`);
}

function flagLines(fields: Record<string, string[]>): string[] {
  return Object.entries(fields).flatMap(([field, messages]) =>
    messages.map((message) => `${FLAG_OF[field] ?? field}: ${message}`),
  );
}

/** "uploading: 16.8 MB of 50.3 MB (33%)", at most every tenth of the file. */
function showUploadProgress() {
  let shownTenths = -1;
  return ({ sentBytes, totalBytes }: { sentBytes: number; totalBytes: number }) => {
    const tenths = Math.floor((sentBytes / totalBytes) * 10);
    if (tenths === shownTenths) return;
    shownTenths = tenths;
    console.error(
      `uploading: ${formatBytes(sentBytes)} of ${formatBytes(totalBytes)} (${Math.round((sentBytes / totalBytes) * 100)}%)`,
    );
  };
}
