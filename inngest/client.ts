import { Inngest } from "inngest";

/** The one Inngest client. Mode and URLs come from INNGEST_* variables (lib/platform/config/inngest-env.ts). */
export const inngest = new Inngest({ id: "selah" });
