import type { InngestFunction } from "inngest";

/** Every function Selah serves; app/api/inngest/route.ts hands this list to `serve`. */
export const functions: InngestFunction.Any[] = [];
