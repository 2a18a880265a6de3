import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export type RequestContext = { requestId: string };

// One store per process, kept on globalThis: Next loads a module once per bundle, and the
// logger (an external package's caller) must see the id the route wrapper set.
const key = Symbol.for("selah.requestContext");
const store: AsyncLocalStorage<RequestContext> = ((globalThis as Record<symbol, unknown>)[key] ??=
  new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>;

/** The request being handled, if any: its id goes into every log line written meanwhile. */
export const currentRequest = (): RequestContext | undefined => store.getStore();

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Runs `fn` as the handling of `request`. Its id is the caller's `x-request-id` when that looks
 * like an id (a proxy's, so lines match across both), otherwise a fresh UUID.
 */
export function runInRequest<T>(request: Request, fn: (context: RequestContext) => T): T {
  const given = request.headers.get("x-request-id");
  const context = { requestId: given && REQUEST_ID.test(given) ? given : randomUUID() };
  return store.run(context, () => fn(context));
}
