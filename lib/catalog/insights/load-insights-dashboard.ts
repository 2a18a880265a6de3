import { getDb } from "@/lib/platform/db/client";
import { churchInsights, type ChurchInsights } from "./church-insights";
import { parseInsightsRange } from "./insights-range";
import { sermonRetention, type SermonRetention } from "./sermon-retention";

export interface InsightsDashboard {
  insights: ChurchInsights;
  /** The chosen sermon's curve (`?sermon=`), else the most played one's; null without plays. */
  retention: SermonRetention | null;
}

/** The admin's insights page: the church's range (see parseInsightsRange) and one retention curve. */
export async function loadInsightsDashboard(
  churchId: string,
  params: { days?: string; from?: string; to?: string; sermon?: string },
): Promise<InsightsDashboard> {
  const db = getDb();
  const range = parseInsightsRange(params);
  const insights = await churchInsights(db, churchId, range);
  const sermonId = params.sermon ?? insights.topSermons[0]?.sermonId;
  const retention = sermonId ? await sermonRetention(db, churchId, sermonId, range) : null;
  return { insights, retention };
}
