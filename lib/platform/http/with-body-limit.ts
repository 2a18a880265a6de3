import { readBody } from "./read-body";
import { toErrorResponse } from "./to-error-response";

/**
 * For handlers whose body a library reads (better-auth, the Inngest SDK): the body is read
 * here first, through readBody, and the handler gets the same request with those bytes. Over
 * `maxBytes` the answer is 413 `payload_too_large` and the handler never runs.
 */
export function withBodyLimit<Rest extends unknown[]>(
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
  options: { maxBytes: number },
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    if (request.method === "GET" || request.method === "HEAD" || !request.body)
      return handler(request, ...rest);
    let body: Uint8Array;
    try {
      body = await readBody(request, options);
    } catch (error) {
      return toErrorResponse(error, {
        where: `${request.method} ${new URL(request.url).pathname}`,
      });
    }
    const buffered = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: body as Uint8Array<ArrayBuffer>,
      signal: request.signal,
    });
    return handler(buffered, ...rest);
  };
}
