import { z } from "zod";
import { EMPTY_SERMON_FORM, sermonInputSchema } from "./sermon-input";

/**
 * The sermon form's fields as a JSON request body (the admin API's create route): the same names
 * and the same rules (`sermonInputSchema`), with what JSON adds. A field left out, or `null`, is
 * what the form sends when it is left empty, so `{ "title": "…" }` alone makes a draft; `tags`
 * may also be an array of strings. Anything that is not a form field is ignored.
 */
export const sermonJsonInputSchema = z.preprocess((body) => {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const given = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
  if (Array.isArray(given.tags) && given.tags.every((tag) => typeof tag === "string"))
    given.tags = given.tags.join(",");
  return { ...EMPTY_SERMON_FORM, ...given };
}, sermonInputSchema);
