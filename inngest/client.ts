import { Inngest } from "inngest";

/** The one Inngest client. Mode and URLs come from INNGEST_* variables (lib/config/inngest-env.ts). */
export const inngest = new Inngest({ id: "selah" });
