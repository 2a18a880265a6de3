// GET /api/admin/churches/:church/insights.csv?table=daily|sermons|queries&days=30 (or from, to)
// — the insights page's figures as CSV (an editor or above).
import { insightsCsv } from "@/lib/catalog/insights/insights-csv";
import { churchRoute } from "../../../_lib/church-route";

export const dynamic = "force-dynamic";

export const GET = churchRoute<{ church: string }>(
  { atLeast: "editor" },
  async ({ request, access }) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const { filename, body } = await insightsCsv(access.church.id, access.church.slug, query);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
