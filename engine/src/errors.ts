/** Raised at start-up when an ENGINE_* variable or option is invalid. */
export class EngineConfigError extends Error {
  override name = "EngineConfigError";
}

/** A request to the engine's HTTP API that cannot be served; carries the HTTP status. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A function configuration the engine refuses at sync time. */
export class InvalidFunctionError extends Error {
  override name = "InvalidFunctionError";
}

/** A duration or instant string that cannot be parsed. */
export class InvalidDurationError extends Error {
  override name = "InvalidDurationError";
}

/** A CEL expression that cannot be compiled or evaluated. */
export class ExpressionError extends Error {
  override name = "ExpressionError";
}
