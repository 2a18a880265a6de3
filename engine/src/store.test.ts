import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Store, StoreClosedError } from "./store";

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

describe("Store.txGrouped", () => {
  const keysOf = (store: Store) =>
    store.all<{ key: string }>("SELECT key FROM dedupe_keys ORDER BY key").map((row) => row.key);
  const insert = (store: Store, key: string) =>
    store.run("INSERT INTO dedupe_keys (key, expires_at) VALUES (?, 1)", key);

  it("answers each call of a turn with its own result; one that throws undoes only its writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "engine-store-"));
    const store = new Store(dir);
    const first = store.txGrouped(() => (insert(store, "a"), "first"));
    const failing = store.txGrouped(() => {
      insert(store, "b");
      throw new Error("b fails");
    });
    const third = store.txGrouped(() => (insert(store, "c"), "third"));
    // Nothing is written until the turn ends.
    expect(keysOf(store)).toEqual([]);
    await expect(first).resolves.toBe("first");
    await expect(failing).rejects.toThrow("b fails");
    await expect(third).resolves.toBe("third");
    expect(keysOf(store)).toEqual(["a", "c"]);
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("commits what is waiting when the store closes, and refuses work after", async () => {
    const dir = mkdtempSync(join(tmpdir(), "engine-store-"));
    const store = new Store(dir);
    const waiting = store.txGrouped(() => insert(store, "waiting"));
    store.close();
    await expect(waiting).resolves.toEqual({ changes: 1 });
    await expect(store.txGrouped(() => insert(store, "late"))).rejects.toBeInstanceOf(
      StoreClosedError,
    );
    const reopened = new Store(dir);
    expect(keysOf(reopened)).toEqual(["waiting"]);
    reopened.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
