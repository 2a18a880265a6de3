import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

function evalSearch(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "scripts/eval-search.ts", ...args],
      { env: { ...process.env, EMBEDDING_PROVIDER: "local" }, timeout: 120_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe("npm run eval:search", () => {
  let dataset: string;
  beforeAll(async () => {
    dataset = await mkdtemp(path.join(tmpdir(), "selah-eval-search-"));
    await mkdir(path.join(dataset, "sermons"));
    const sermon = (title: string, paragraphs: string[]) =>
      JSON.stringify({ title, speaker: "Ruth Okafor", date: "2024-01-07", paragraphs });
    await writeFile(
      path.join(dataset, "sermons", "grace.json"),
      sermon("Grace", [
        "Grace is the unearned favour of God.",
        "The prodigal son came home to a feast.",
      ]),
    );
    await writeFile(
      path.join(dataset, "sermons", "prayer.json"),
      sermon("Prayer", [
        "Pray without ceasing, in every season.",
        "The Lord's prayer teaches us to ask for daily bread.",
      ]),
    );
    await writeFile(
      path.join(dataset, "queries.json"),
      JSON.stringify([
        {
          id: "q1",
          kind: "lexical",
          query: "prodigal son",
          relevant: [{ sermon: "grace", paragraph: 1, grade: 3 }],
        },
        {
          id: "q2",
          kind: "lexical",
          query: "daily bread",
          relevant: [{ sermon: "prayer", paragraph: 1, grade: 3 }],
        },
      ]),
    );
  });
  afterAll(async () => {
    await rm(dataset, { recursive: true, force: true });
  });

  it.each([["--dataset"], ["positional"]])("evaluates the dataset given as %s", async (form) => {
    const { code, stdout, stderr } = await evalSearch(
      form === "--dataset" ? ["--dataset", dataset, "--rrf-k", "30"] : [dataset, "--rrf-k", "30"],
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("Seeded 2 sermons");
    const figures = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(figures.dataset).toBe(dataset);
    expect(figures.tuning.rrfK).toBe(30);
    expect(figures.fts.overall.queries).toBe(2);
    expect(figures.fts.overall.recall10).toBe(1);
  });

  it.each([
    [
      ["--bogus"],
      "eval:search: unknown option --bogus; usage: npm run eval:search -- [--dataset DIR]",
    ],
    [
      ["--dataset", "/nonexistent/selah-dataset"],
      "eval:search: dataset /nonexistent/selah-dataset: no such folder",
    ],
    [["--dataset", "eval"], "eval:search: dataset eval: eval/sermons is missing"],
  ])("refuses %j with one line and exit code 2", async (args, line) => {
    const { code, stdout, stderr } = await evalSearch(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")).toHaveLength(2); // one line and its newline
    expect(stderr.startsWith(line)).toBe(true);
  });
});
