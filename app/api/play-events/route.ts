// POST /api/play-events — the player's batched listening reports (a beacon), for insights.
// Under `npm start` the web process answers them before Next.js (scripts/launcher/web-app.ts);
// this route serves `next dev` and deployments that run `next start` themselves.
import { handlePlayBeacon } from "@/lib/catalog/insights/play-beacon-route";

export const dynamic = "force-dynamic";

export const POST = handlePlayBeacon;
