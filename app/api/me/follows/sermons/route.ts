// GET /api/me/follows/sermons — "New from what you follow": { items: [sermon summary + path] }.
import { listFollowedSermons } from "@/lib/catalog/follows/list-followed-sermons";
import { listenerRoute } from "../../_lib/listener-route";

export const dynamic = "force-dynamic";

export const GET = listenerRoute(async ({ listener }) => ({
  items: await listFollowedSermons(listener.id),
}));
