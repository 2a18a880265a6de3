// /api/me/follows — what the signed-in listener follows.
//   GET                                        → { follows: [{ kind, church, slug?, name, churchName, path }] }
//   PUT    { kind: "church", church }          → 204: follows it (again is no change)
//          { kind: "series" | "speaker", church, slug }
//   DELETE the same body                       → 204: stops following it
import { FOLLOW_MAX_BODY_BYTES, parseFollowTarget } from "@/lib/catalog/follows/follow-target";
import { listFollows } from "@/lib/catalog/follows/list-follows";
import { setFollow } from "@/lib/catalog/follows/set-follow";
import { readJsonBody } from "@/lib/platform/http/read-json-body";
import { listenerRoute } from "../_lib/listener-route";

export const dynamic = "force-dynamic";

const targetOf = async (request: Request) =>
  parseFollowTarget(
    await readJsonBody(request, {
      maxBytes: FOLLOW_MAX_BODY_BYTES,
      shape: '{ "kind", "church", "slug"? }',
    }),
  );

export const GET = listenerRoute(async ({ listener }) => ({
  follows: await listFollows(listener.id),
}));

export const PUT = listenerRoute(async ({ request, listener }) => {
  await setFollow(listener.id, await targetOf(request), true);
  return null;
});

export const DELETE = listenerRoute(async ({ request, listener }) => {
  await setFollow(listener.id, await targetOf(request), false);
  return null;
});
