import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Lints made-up files at real paths, so the rules in eslint.config.mjs are what is tested.
const eslint = new ESLint({ cwd: process.cwd() });

async function violations(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

describe("import directions (docs/architecture.md, lib/README.md)", () => {
  it.each([
    ["lib/search/x.ts", 'import { x } from "@/app/page";'],
    ["lib/search/x.ts", 'import { x } from "../../app/page";'],
    ["lib/search/x.ts", 'import { x } from "@/inngest/functions/process-sermon";'],
    ["lib/pipeline/x.ts", 'import { inngest } from "@/inngest/client";'],
    ["lib/catalog/x.ts", 'import { x } from "@/test/support/test-media";'],
    // The tiers: pipeline → search → catalog → platform, never back up.
    ["lib/platform/db/x.ts", 'import { x } from "@/lib/catalog/queries";'],
    ["lib/platform/config/x.ts", 'import { x } from "@/lib/pipeline/media/probe-media";'],
    ["lib/catalog/x.ts", 'import { x } from "@/lib/search/search-moments";'],
    ["lib/catalog/playback/x.ts", 'import { x } from "../../pipeline/media/ffmpeg-args";'],
    ["lib/search/x.ts", 'import { x } from "@/lib/pipeline/indexing/index-sermon";'],
    ["worker/poller.ts", 'import { x } from "@/inngest/client";'],
    ["lib/search/x.ts", 'import { x } from "@/worker/poller";'],
    ["components/player.tsx", 'import { getDb } from "@/lib/platform/db/client";'],
    ["worker/poller.ts", 'import { headers } from "next/headers";'],
    ["worker/poller.ts", 'import "server-only";'],
    ["engine/src/x.ts", 'import { getDb } from "@/lib/platform/db/client";'],
    ["engine/src/x.ts", 'import { x } from "../../lib/platform/db/client";'],
    ["app/page.tsx", 'import { x } from "@/inngest/functions/process-sermon";'],
    // One data-access convention: app/ calls lib functions, never the database client.
    ["app/churches/[slug]/page.tsx", 'import { getDb } from "@/lib/platform/db/client";'],
    [
      "app/admin/_lib/x.ts",
      'import type { MembershipRole } from "@/lib/platform/db/generated/prisma/enums";',
    ],
    ["app/api/admin/x/route.ts", 'import { getDb } from "../../../../lib/platform/db/client";'],
  ])("%s may not `%s`", async (file, source) => {
    expect(await violations(file, `${source}\nexport const y = 1;\n`)).toHaveLength(1);
  });

  it.each([
    ["lib/outbox/publish.ts", 'import { x } from "@/lib/pipeline/events/pipeline-events";'],
    ["app/page.tsx", 'import { listChurches } from "@/lib/catalog/churches/queries";'],
    ["app/churches/[slug]/page.tsx", 'import { getChurchCatalog } from "@/lib/catalog/queries";'],
    [
      "app/admin/_lib/x.ts",
      'import type { MembershipRole } from "@/lib/platform/auth/membership-role";',
    ],
    [
      "inngest/functions/process-sermon.ts",
      'import { x } from "@/lib/pipeline/media/probe-media";',
    ],
    ["worker/poller.ts", 'import { x } from "@/lib/platform/queue/sqs-client";'],
    ["engine/src/x.ts", 'import { x } from "./store";'],
  ])("%s may `%s`", async (file, source) => {
    expect(await violations(file, `${source}\nexport const y = 1;\n`)).toEqual([]);
  });
});
