import { describe, expect, it } from "vitest";
import {
  advance,
  EMPTY_QUEUE,
  enqueue,
  hasClipEnded,
  itemKey,
  MAX_QUEUE_LENGTH,
  moveTo,
  type NowPlayingClip,
  type NowPlayingItem,
  parseStoredQueue,
  playNow,
  removeAt,
  replaceWith,
  serializeQueue,
} from "./now-playing-queue";

const sermon = (id: string, clip: NowPlayingClip | null = null): NowPlayingItem => ({
  key: itemKey(id, clip),
  sermonId: id,
  title: `Sermon ${id}`,
  speaker: "Pastor Ruth",
  church: "Grace Chapel",
  series: null,
  href: `/churches/grace-chapel/sermons/${id}`,
  streamUrl: `/media/${id}/v1/master.m3u8`,
  downloadUrl: `/media/${id}/v1/download.m4a`,
  durationMs: 180_000,
  clip,
});

const keys = (items: readonly NowPlayingItem[]) => items.map((item) => item.key);

describe("enqueue", () => {
  it("plays the first item at once and queues the rest in order", () => {
    let queue = enqueue(EMPTY_QUEUE, sermon("a"));
    expect(queue.current?.key).toBe("a");
    expect(queue.positionSec).toBe(0);
    queue = enqueue(enqueue(queue, sermon("b")), sermon("c"));
    expect(keys(queue.upNext)).toEqual(["b", "c"]);
  });

  it("does not add what is already playing or queued", () => {
    const queue = enqueue(enqueue(EMPTY_QUEUE, sermon("a")), sermon("b"));
    expect(enqueue(queue, sermon("a"))).toBe(queue);
    expect(enqueue(queue, sermon("b"))).toBe(queue);
    // Another stretch of the same sermon is another item.
    expect(keys(enqueue(queue, sermon("b", { startMs: 0, endMs: 5000 })).upNext)).toEqual([
      "b",
      "b@0-5000",
    ]);
  });

  it("stops growing at the limit", () => {
    let queue = enqueue(EMPTY_QUEUE, sermon("current"));
    for (let n = 0; n < MAX_QUEUE_LENGTH + 5; n++) queue = enqueue(queue, sermon(`s${n}`));
    expect(queue.upNext).toHaveLength(MAX_QUEUE_LENGTH);
  });
});

describe("moving through the queue", () => {
  it("advances to the next queued item, then to nothing", () => {
    let queue = enqueue(enqueue(EMPTY_QUEUE, sermon("a")), sermon("b"));
    queue = { ...queue, positionSec: 95 };
    queue = advance(queue);
    expect(queue.current?.key).toBe("b");
    expect(queue.positionSec).toBe(0);
    expect(queue.upNext).toEqual([]);
    expect(advance(queue)).toEqual(EMPTY_QUEUE);
  });

  it("starts a clip at its start and knows when it has ended", () => {
    const clip = sermon("a", { startMs: 30_000, endMs: 62_500 });
    const queue = replaceWith([clip, sermon("b", { startMs: 5_000, endMs: 20_000 })]);
    expect(queue.current?.key).toBe("a@30000-62500");
    expect(queue.positionSec).toBe(30);
    expect(hasClipEnded(clip, 62.4)).toBe(false);
    expect(hasClipEnded(clip, 62.5)).toBe(true);
    expect(hasClipEnded(sermon("a"), 10_000)).toBe(false);
    expect(advance(queue).positionSec).toBe(5);
  });

  it("replaces the queue with the answer's moments, once each", () => {
    const first = sermon("a", { startMs: 0, endMs: 10_000 });
    const queue = replaceWith([first, sermon("b"), first]);
    expect(queue.current?.key).toBe(first.key);
    expect(keys(queue.upNext)).toEqual(["b"]);
    expect(replaceWith([])).toEqual(EMPTY_QUEUE);
  });

  it("plays an item now, taking it out of the queue, and keeps the rest", () => {
    const queue = enqueue(enqueue(enqueue(EMPTY_QUEUE, sermon("a")), sermon("b")), sermon("c"));
    const next = playNow(queue, sermon("c"), 42);
    expect(next.current?.key).toBe("c");
    expect(next.positionSec).toBe(42);
    expect(keys(next.upNext)).toEqual(["b"]);
  });

  it("removes and reorders queued items, ignoring indexes outside it", () => {
    let queue = replaceWith(["a", "b", "c", "d"].map((id) => sermon(id)));
    queue = moveTo(queue, 2, 0);
    expect(keys(queue.upNext)).toEqual(["d", "b", "c"]);
    queue = moveTo(queue, 0, 99);
    expect(keys(queue.upNext)).toEqual(["b", "c", "d"]);
    expect(moveTo(queue, 7, 0)).toBe(queue);
    queue = removeAt(queue, 1);
    expect(keys(queue.upNext)).toEqual(["b", "d"]);
    expect(removeAt(queue, 5)).toBe(queue);
  });
});

describe("keeping the queue in storage", () => {
  it("reads back what it wrote", () => {
    const queue = {
      ...enqueue(enqueue(EMPTY_QUEUE, sermon("a")), sermon("b", { startMs: 1000, endMs: 9000 })),
      positionSec: 73.5,
    };
    expect(parseStoredQueue(serializeQueue(queue))).toEqual(queue);
  });

  it("answers the empty queue for missing, broken or foreign data", () => {
    for (const text of [
      null,
      "",
      "not json",
      "[]",
      "42",
      JSON.stringify({ v: 99, current: sermon("a"), positionSec: 3, upNext: [] }),
    ]) {
      expect(parseStoredQueue(text)).toEqual(EMPTY_QUEUE);
    }
  });

  it("drops broken items and keeps the rest", () => {
    const stored = JSON.stringify({
      v: 1,
      current: { ...sermon("a"), streamUrl: "https://elsewhere.example/x.m3u8" },
      positionSec: 10,
      upNext: [
        sermon("b"),
        { ...sermon("c"), clip: { startMs: 9000, endMs: 1000 } },
        { ...sermon("d"), title: 7 },
        "nonsense",
        { ...sermon("e"), href: "//elsewhere.example/" },
        sermon("f", { startMs: 0, endMs: 4000 }),
      ],
    });
    const queue = parseStoredQueue(stored);
    expect(queue.current).toBeNull();
    expect(keys(queue.upNext)).toEqual(["b", "f@0-4000"]);
  });

  it("keeps the position within the sermon, and starts a bad one over", () => {
    const at = (positionSec: unknown) =>
      parseStoredQueue(JSON.stringify({ v: 1, current: sermon("a"), positionSec, upNext: [] }))
        .positionSec;
    expect(at(12.5)).toBe(12.5);
    expect(at(9_999)).toBe(180);
    expect(at(-4)).toBe(0);
    expect(at("12")).toBe(0);
    expect(at(null)).toBe(0);
  });
});
