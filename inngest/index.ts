import type { InngestFunction } from "inngest";
import { sweepStuckSermons } from "./functions/sweep-stuck-sermons";

/** Every function Selah serves; app/api/inngest/route.ts hands this list to `serve`. */
export const functions: InngestFunction.Any[] = [sweepStuckSermons];
