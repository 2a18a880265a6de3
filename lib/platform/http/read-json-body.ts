import { AppError } from "@/lib/platform/errors/app-error";
import { readBody } from "./read-body";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A JSON request body, read through readBody (413 `payload_too_large` over `maxBytes`, before
 * any parsing), then parsed: anything that is not UTF-8 JSON is AppError `invalid_json` (400),
 * whose message names the `shape` expected when given, e.g. "{ question, church? }".
 */
export async function readJsonBody(
  request: Request,
  options: { maxBytes: number; shape?: string },
): Promise<unknown> {
  const data = await readBody(request, { maxBytes: options.maxBytes });
  try {
    return JSON.parse(utf8.decode(data)) as unknown;
  } catch {
    throw new AppError(
      "invalid_json",
      `The request body must be JSON${options.shape ? `: ${options.shape}` : ""}.`,
    );
  }
}
