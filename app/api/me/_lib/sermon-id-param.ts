import { AppError } from "@/lib/platform/errors/app-error";

/** The `?sermonId=` a request (the bookmarks routes) names; a 400 saying so when it is missing. */
export function sermonIdParam(request: Request): string {
  const sermonId = new URL(request.url).searchParams.get("sermonId");
  if (!sermonId)
    throw new AppError("bad_request", "Say which sermon: ?sermonId=<the sermon's id>.", {
      fields: { sermonId: ["Required."] },
    });
  return sermonId;
}
