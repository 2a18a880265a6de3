import { z } from "zod";
import { invalidateChurchPages } from "@/lib/catalog/listener-cache/invalidate-church-pages";
import { getDb } from "@/lib/platform/db/client";

const timezones = new Set(Intl.supportedValuesOf("timeZone"));

/** An optional http(s) address: empty, or one a browser (and a podcast app) can open. */
const optionalWebAddress = (message: string) =>
  z
    .string()
    .trim()
    .default("")
    .refine(
      (value) => value === "" || (/^https?:\/\/\S+\.\S+/.test(value) && URL.canParse(value)),
      message,
    );

export const churchSettingsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the church's name.")
    .max(120, "Keep the name under 120 characters."),
  description: z
    .string()
    .trim()
    .max(1000, "Keep the description under 1,000 characters.")
    .default(""),
  websiteUrl: optionalWebAddress("Use a full web address like https://example.org."),
  givingUrl: optionalWebAddress("Use a full web address like https://example.org/give."),
  timezone: z
    .string()
    .refine(
      (value) => value === "UTC" || timezones.has(value),
      "Choose a time zone from the list.",
    ),
});

export const getChurchSettings = (churchId: string) =>
  getDb().church.findUniqueOrThrow({
    where: { id: churchId },
    select: {
      slug: true,
      name: true,
      description: true,
      websiteUrl: true,
      givingUrl: true,
      timezone: true,
    },
  });

/**
 * Saves the church's settings; its listener pages, podcast feeds and the home page show them
 * at once.
 */
export async function updateChurchSettings(
  churchId: string,
  input: z.output<typeof churchSettingsSchema>,
) {
  const db = getDb();
  await db.church.update({
    where: { id: churchId },
    data: {
      name: input.name,
      description: input.description || null,
      websiteUrl: input.websiteUrl || null,
      givingUrl: input.givingUrl || null,
      timezone: input.timezone,
    },
  });
  await invalidateChurchPages(db, churchId);
}

export const TIMEZONES = ["UTC", ...[...timezones].filter((zone) => zone !== "UTC")];
