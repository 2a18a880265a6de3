import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Store } from "./store";

describe("Store.tx", () => {
  it("rolls back a failed nested transaction only, and survives reopening", () => {
    const dir = mkdtempSync(join(tmpdir(), "engine-store-"));
    const store = new Store(dir);
    const keys = () =>
      store.all<{ key: string }>("SELECT key FROM dedupe_keys ORDER BY key").map((row) => row.key);
    store.tx(() => {
      store.run("INSERT INTO dedupe_keys (key, expires_at) VALUES ('outer', 1)");
      expect(() =>
        store.tx(() => {
          store.run("INSERT INTO dedupe_keys (key, expires_at) VALUES ('inner', 1)");
          throw new Error("inner fails");
        }),
      ).toThrow("inner fails");
    });
    expect(keys()).toEqual(["outer"]);
    store.close();
    const reopened = new Store(dir);
    expect(
      reopened.all<{ key: string }>("SELECT key FROM dedupe_keys").map((row) => row.key),
    ).toEqual(["outer"]);
    reopened.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
