// /api/me/progress/{sermonId} — the signed-in listener's place in one sermon.
//   PUT  { "positionMs": n }  → { positionMs, updatedAt } (past the end: clamped to it)
//   POST the same body: the player's `navigator.sendBeacon` on pagehide, which can only POST
//        (its Blob may be text/plain or application/json; the body is read as JSON either way)
//   GET                       → { positionMs, updatedAt }, 404 when nothing is saved
//   DELETE                    → 204: forgets it (the account page's "Remove")
import { forgetProgress } from "@/lib/catalog/listening/forget-progress";
import { getProgress } from "@/lib/catalog/listening/get-progress";
import {
  parseProgressBody,
  PROGRESS_MAX_BODY_BYTES,
} from "@/lib/catalog/listening/progress-position";
import { saveProgress } from "@/lib/catalog/listening/save-progress";
import { AppError } from "@/lib/platform/errors/app-error";
import { readJsonBody } from "@/lib/platform/http/read-json-body";
import { listenerRoute } from "../../_lib/listener-route";

export const dynamic = "force-dynamic";

type Params = { sermonId: string };

const save = listenerRoute<Params>(async ({ request, params, listener }) => {
  const json = await readJsonBody(request, {
    maxBytes: PROGRESS_MAX_BODY_BYTES,
    shape: '{ "positionMs": n }',
  });
  return saveProgress(listener.id, params.sermonId, parseProgressBody(json));
});

export const PUT = save;
export const POST = save;

export const GET = listenerRoute<Params>(async ({ params, listener }) => {
  const saved = await getProgress(listener.id, params.sermonId);
  if (!saved) throw AppError.notFound("Nothing is saved for this sermon yet.");
  return saved;
});

export const DELETE = listenerRoute<Params>(async ({ params, listener }) => {
  await forgetProgress(listener.id, params.sermonId);
  return null;
});
