import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DATASET_DIR, EvalUsageError, loadEvalDataset, parseEvalArgs } from "./eval-args";
import { splitQueries } from "./split-queries";

describe("parseEvalArgs", () => {
  it("takes the dataset from --dataset, from a lone folder, or the default", () => {
    expect(parseEvalArgs(["--dataset", "my/set"]).datasetDir).toBe("my/set");
    expect(parseEvalArgs(["--dataset=my/set"]).datasetDir).toBe("my/set");
    expect(parseEvalArgs(["my/set"]).datasetDir).toBe("my/set");
    expect(parseEvalArgs([])).toEqual({ datasetDir: DEFAULT_DATASET_DIR });
  });

  it("takes a query split, dev or heldout, whose halves share no query and cover every kind", async () => {
    expect(parseEvalArgs(["--split", "dev"]).split).toBe("dev");
    expect(() => parseEvalArgs(["--split", "test"])).toThrow(
      "--split test: expected dev or heldout",
    );
    const { queries } = await loadEvalDataset(DEFAULT_DATASET_DIR);
    const dev = splitQueries(queries, "dev");
    const heldout = splitQueries(queries, "heldout");
    expect(dev.length + heldout.length).toBe(queries.length);
    expect(dev.filter((query) => heldout.includes(query))).toEqual([]);
    const kinds = (list: typeof queries) => new Set(list.map((query) => query.kind));
    expect(kinds(dev)).toEqual(kinds(queries));
    expect(kinds(heldout)).toEqual(kinds(queries));
  });

  it("reads the fusion overrides as numbers", () => {
    expect(parseEvalArgs(["--rrf-k", "30", "--fts-weight", "0.8", "--vector-weight", "0"])).toEqual(
      {
        datasetDir: DEFAULT_DATASET_DIR,
        rrfK: 30,
        ftsWeight: 0.8,
        vectorWeight: 0,
      },
    );
  });

  it.each([
    [["--bogus"], "unknown option --bogus; usage: npm run eval:search -- [--dataset DIR]"],
    [["--dataset"], "Option '--dataset <value>' argument missing"],
    [["a", "b"], "one dataset folder, please (got a, b)"],
    [["--dataset", "a", "b"], "one dataset folder, please (got a, b)"],
    [["--rrf-k", "1.5"], "--rrf-k 1.5: expected a whole number from 1 to 1000"],
    [["--vector-weight", "lots"], "--vector-weight lots: expected a number from 0 to 10"],
    [["--fts-weight", ""], "--fts-weight : expected a number from 0 to 10"],
  ])("refuses %j with one line", (args, message) => {
    expect(() => parseEvalArgs(args)).toThrow(EvalUsageError);
    expect(() => parseEvalArgs(args)).toThrow(message);
    try {
      parseEvalArgs(args);
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });
});

describe("loadEvalDataset", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "selah-eval-args-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function dataset(name: string, files: Record<string, string>): Promise<string> {
    const root = path.join(dir, name);
    await mkdir(path.join(root, "sermons"), { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(root, file), text);
    return root;
  }
  const sermon = JSON.stringify({
    title: "T",
    speaker: "S",
    date: "2024-01-07",
    paragraphs: ["Grace."],
  });

  it("loads the default dataset", async () => {
    const loaded = await loadEvalDataset(DEFAULT_DATASET_DIR);
    expect(loaded.sermons.size).toBeGreaterThan(0);
    expect(loaded.queries.length).toBeGreaterThan(0);
  });

  it("says in one line what is wrong with a dataset folder", async () => {
    const cases: [string, string][] = [
      [path.join(dir, "absent"), "no such folder"],
      [path.join(DEFAULT_DATASET_DIR, "queries.json"), "not a folder"],
      [await dataset("no-queries-file", { "sermons/a.json": sermon }), "queries.json is missing"],
      [await dataset("empty", { "queries.json": "[]" }), "no sermons"],
      [
        await dataset("no-queries", { "sermons/a.json": sermon, "queries.json": "[]" }),
        "no queries",
      ],
      [
        await dataset("bad-json", { "sermons/a.json": "{", "queries.json": "[]" }),
        "a.json: not JSON",
      ],
      [await dataset("bad-sermon", { "sermons/a.json": "{}", "queries.json": "[]" }), "title"],
      [
        await dataset("unknown-sermon", {
          "sermons/a.json": sermon,
          "queries.json": JSON.stringify([
            {
              id: "q1",
              kind: "lexical",
              query: "grace",
              relevant: [{ sermon: "b", paragraph: 0, grade: 3 }],
            },
          ]),
        }),
        "q1 names unknown sermon b",
      ],
    ];
    for (const [folder, problem] of cases) {
      const error = await loadEvalDataset(folder).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, folder).toBeInstanceOf(EvalUsageError);
      expect((error as Error).message, folder).toContain(`dataset ${folder}: `);
      expect((error as Error).message, folder).toContain(problem);
      expect((error as Error).message, folder).not.toContain("\n");
    }
  });
});
