import { AppError } from "@/lib/platform/errors/app-error";
/** An uploaded caption file we will not use, with the 1-based line that shows the problem. */
export class CaptionsRejectedError extends AppError {
  override name = "CaptionsRejectedError";
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super("invalid_captions", `Line ${line}: ${problem}`, { details: { line } });
  }
}
