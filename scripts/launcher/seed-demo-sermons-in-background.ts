import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { loadDemoSermons } from "@/lib/pipeline/demo-seed/demo-sermon";
import { seedDemoSermons } from "@/lib/pipeline/demo-seed/seed-demo-sermons";
import { type Env, parseEnv } from "@/lib/platform/config/parse-env";
import { uploadEnvSchema } from "@/lib/platform/config/upload-env";
import { createDb } from "@/lib/platform/db/client";
import { mediaStorage } from "@/lib/platform/storage/media-storage";

/**
 * The demo church's sermons, added through the running Selah's own pipeline while it already
 * serves; every line goes to `log`. A failure is reported and leaves Selah running. Once all
 * were added, a mark in the data directory keeps later starts from adding one an admin deleted.
 */
export async function seedDemoSermonsInBackground(
  env: Env,
  dataDir: string,
  log: (line: string) => void,
): Promise<void> {
  const done = path.join(dataDir, "demo-sermons-added");
  if (existsSync(done)) return;
  const db = createDb(env.DATABASE_URL!, 2);
  try {
    const sermons = await loadDemoSermons();
    let isAnnounced = false;
    let lastStep = "";
    const seeded = await seedDemoSermons(
      {
        db,
        storage: mediaStorage(env),
        maxBytes: parseEnv(uploadEnvSchema, env).UPLOAD_MAX_BYTES,
        cacheDir: path.join(dataDir, "demo-audio"),
      },
      sermons,
      {
        onProgress: (line) => {
          if (!isAnnounced)
            log(
              `Adding the demo sermons to Grace Chapel in the background, one at a time through the pipeline (SELAH_DEMO_SERMONS=false skips this).`,
            );
          isAnnounced = true;
          // One line a step, not one a percent.
          const step = line.replace(/ \d+%.*$/, "");
          if (step !== lastStep) log(line);
          lastStep = step;
        },
      },
    );
    if (seeded.length)
      log("The demo sermons are in: play, read and search them at /churches/grace-chapel.");
    await writeFile(done, `${new Date().toISOString()}\n`);
  } catch (error) {
    log(`Demo sermons stopped: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await db.$disconnect();
  }
}
