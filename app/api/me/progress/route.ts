// /api/me/progress — the signed-in listener's history.
//   GET [?inProgress=1] → { items: [{ sermonId, positionMs, updatedAt, completed, path, sermon }] },
//                         most recently listened first (inProgress: unfinished only)
//   DELETE              → 204: clears all of it
import { forgetProgress } from "@/lib/catalog/listening/forget-progress";
import { listProgress } from "@/lib/catalog/listening/list-progress";
import { listenerRoute } from "../_lib/listener-route";

export const dynamic = "force-dynamic";

export const GET = listenerRoute(async ({ request, listener }) => {
  const inProgress = new URL(request.url).searchParams.get("inProgress") === "1";
  return { items: await listProgress(listener.id, { inProgress }) };
});

export const DELETE = listenerRoute(async ({ listener }) => {
  await forgetProgress(listener.id);
  return null;
});
