/** An uploaded caption file we will not use, with the 1-based line that shows the problem. */
export class CaptionsRejectedError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`Line ${line}: ${problem}`);
    this.name = "CaptionsRejectedError";
  }
}
