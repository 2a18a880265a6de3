import { z } from "zod";

/** Translations a read passage can be snapped to; lib/catalog/scripture/bible-text maps them to modules. */
export const SCRIPTURE_TRANSLATIONS = ["WEB", "KJV"] as const;

/**
 * Scripture snapping: passages read aloud are replaced by the exact verses of this
 * translation (`off` keeps the recogniser's words). The Bible text is cached under
 * SELAH_DATA_DIR.
 */
export const scriptureEnvShape = {
  SCRIPTURE_TRANSLATION: z
    .enum([...SCRIPTURE_TRANSLATIONS, "off"], {
      message: `expected one of ${SCRIPTURE_TRANSLATIONS.join(", ")} or off`,
    })
    .default("WEB"),
  SELAH_DATA_DIR: z.string().min(1).default(".data"),
};

export const scriptureEnvSchema = z.object(scriptureEnvShape);
export type ScriptureEnv = z.output<typeof scriptureEnvSchema>;
