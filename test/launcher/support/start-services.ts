// The launcher exactly as `npm start` runs it, minus the web app (which needs a `next build`):
// the embedded services, the engine and the worker, each supervised. Test entry only.
import { startSelah } from "@/scripts/launcher/start-selah";

await startSelah({ isDev: false, webApp: false });
