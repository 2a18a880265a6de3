// The launcher behind `npm start` (production build) and `npm run dev` (hot reload).
import { existsSync } from "node:fs";
import { startSelah } from "./launcher/start-selah";

if (existsSync(".env")) process.loadEnvFile(".env");
const command = process.argv[2] ?? "start";
if (command !== "start" && command !== "dev") {
  console.error(`Unknown command "${command}". Use: selah start | selah dev`);
  process.exit(2);
}
await startSelah({ isDev: command === "dev" });
