import { Middleware } from "inngest";
import { toInngestError } from "./to-inngest-error";

/**
 * The Inngest entry point's one error mapping, installed on the client: every step attempt and
 * every run's own code pass their failures through toInngestError, so function files only
 * orchestrate and never decide how a failure is retried.
 */
export class AppErrorMiddleware extends Middleware.BaseMiddleware {
  readonly id = "selah:app-errors";

  override async wrapStepHandler({ next }: Middleware.WrapStepHandlerArgs): Promise<unknown> {
    try {
      return await next();
    } catch (error) {
      throw toInngestError(error);
    }
  }

  override async wrapFunctionHandler({
    next,
  }: Middleware.WrapFunctionHandlerArgs): Promise<unknown> {
    try {
      return await next();
    } catch (error) {
      throw toInngestError(error);
    }
  }
}
