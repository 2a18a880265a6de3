import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startEngine } from "@/engine/src/engine";
import { testInngestKeys } from "@/test/support/inngest-keys";
import {
  detectWorkflowEngine,
  inngestDashboardUrl,
} from "@/lib/pipeline/operations/workflow-engine";

describe("detectWorkflowEngine", () => {
  it("recognises engine/ (signed, as npm start runs it) by its stats route, with the key's hash", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "selah-detect-"));
    const engine = await startEngine({
      port: 0,
      dataDir,
      logLevel: "silent",
      signingKey: testInngestKeys.signingKey,
      eventKeys: [testInngestKeys.eventKey],
    });
    try {
      const env = { INNGEST_BASE_URL: engine.url, INNGEST_SIGNING_KEY: testInngestKeys.signingKey };
      expect((await detectWorkflowEngine(env)).kind).toBe("embedded");
    } finally {
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("takes a server without that route for Inngest, with a link to its dashboard", async () => {
    const server = createServer((_, res) => res.writeHead(404).end("not found"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await detectWorkflowEngine({ INNGEST_BASE_URL: url })).toEqual({
        kind: "inngest",
        dashboardUrl: `${url}/`,
      });
    } finally {
      server.close();
    }
    expect(inngestDashboardUrl({ INNGEST_SIGNING_KEY: testInngestKeys.signingKey })).toBe(
      "https://app.inngest.com/",
    );
    expect(await detectWorkflowEngine({ INNGEST_BASE_URL: "http://127.0.0.1:9" })).toMatchObject({
      kind: "unreachable",
      apiUrl: "http://127.0.0.1:9",
    });
  });
});
