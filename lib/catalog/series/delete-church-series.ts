import { getDb } from "@/lib/platform/db/client";
import { deleteSeries } from "./series";

/** For admin actions: `deleteSeries` on this process's database. */
export const deleteChurchSeries = (churchId: string, seriesId: string) =>
  deleteSeries(getDb(), churchId, seriesId);
