import type { z } from "zod";
import { getDb } from "@/lib/platform/db/client";
import { saveSeries, type seriesInputSchema } from "./series";

/** For admin actions: `saveSeries` on this process's database. Returns the series' id. */
export const saveChurchSeries = (
  churchId: string,
  seriesId: string | null,
  input: z.output<typeof seriesInputSchema>,
) => saveSeries(getDb(), churchId, seriesId, input);
