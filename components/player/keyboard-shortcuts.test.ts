import { describe, expect, it, vi } from "vitest";
import { findShortcut, KEYBOARD_SHORTCUTS, type PlayerCommands } from "./keyboard-shortcuts";

const commands = (): PlayerCommands => ({
  togglePlay: vi.fn(),
  skipBy: vi.fn(),
  changeVolumeBy: vi.fn(),
  toggleMute: vi.fn(),
  stepSpeed: vi.fn(),
  bookmark: vi.fn(),
});

const run = (key: string) => {
  const player = commands();
  findShortcut(key)?.run(player);
  return player;
};

describe("findShortcut", () => {
  it("plays or pauses on Space and K", () => {
    expect(run(" ").togglePlay).toHaveBeenCalledOnce();
    expect(run("k").togglePlay).toHaveBeenCalledOnce();
  });

  it("skips 15 seconds either way on the arrows and J/L, in either case", () => {
    expect(run("ArrowLeft").skipBy).toHaveBeenCalledWith(-15);
    expect(run("J").skipBy).toHaveBeenCalledWith(-15);
    expect(run("ArrowRight").skipBy).toHaveBeenCalledWith(15);
    expect(run("l").skipBy).toHaveBeenCalledWith(15);
  });

  it("changes volume, mute and speed", () => {
    expect(run("ArrowUp").changeVolumeBy).toHaveBeenCalledWith(0.1);
    expect(run("ArrowDown").changeVolumeBy).toHaveBeenCalledWith(-0.1);
    expect(run("m").toggleMute).toHaveBeenCalledOnce();
    expect(run("<").stepSpeed).toHaveBeenCalledWith(-1);
    expect(run(">").stepSpeed).toHaveBeenCalledWith(1);
  });

  it("bookmarks the moment on B, in either case, and nothing else", () => {
    const player = run("b");
    expect(player.bookmark).toHaveBeenCalledOnce();
    expect(player.togglePlay).not.toHaveBeenCalled();
    expect(run("B").bookmark).toHaveBeenCalledOnce();
  });

  it("lists B in the hint", () => {
    expect(KEYBOARD_SHORTCUTS.find((shortcut) => shortcut.labels.includes("B"))).toMatchObject({
      description: "Bookmark this moment",
    });
  });

  it("ignores other keys", () => {
    expect(findShortcut("x")).toBeNull();
    expect(findShortcut("Enter")).toBeNull();
  });
});
