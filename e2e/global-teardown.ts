import { rmSync } from "node:fs";
import { dataDir } from "../playwright.config";

export default function globalTeardown() {
  rmSync(dataDir, { recursive: true, force: true });
}
