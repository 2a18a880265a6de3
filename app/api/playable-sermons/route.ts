// GET /api/playable-sermons?ids=a,b,c — what the listener's player needs to play these sermons
// (a queue, "Play the answer"), in the order asked; those listeners cannot play are left out.
import { listPlayableSermons, MAX_PLAYABLE_IDS } from "@/lib/catalog/playback/playable-sermons";
import { AppError } from "@/lib/platform/errors/app-error";
import { assertQueryLength } from "@/lib/platform/http/assert-query-length";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (request: Request) => {
  const url = new URL(request.url);
  assertQueryLength(url);
  const ids = (url.searchParams.get("ids") ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0)
    throw AppError.invalidInput("Name the sermons to play: ?ids=<sermon id>,<sermon id>.", {
      ids: ["At least one sermon id is needed."],
    });
  if (ids.length > MAX_PLAYABLE_IDS)
    throw AppError.invalidInput(`Ask for at most ${MAX_PLAYABLE_IDS} sermons at a time.`, {
      ids: [`At most ${MAX_PLAYABLE_IDS} ids.`],
    });
  const sermons = await listPlayableSermons(ids);
  return Response.json({ sermons }, { headers: { "cache-control": "no-store" } });
});
