"use client";

import { useEffect } from "react";
import { type PlayerCommands, shortcutFor } from "./keyboard-shortcuts";
import { useLatest } from "./use-latest";

/** Listens for the player's shortcuts anywhere on the page, except while typing. */
export function useKeyboardShortcuts(commands: PlayerCommands) {
  const latest = useLatest(commands);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      // Space and the arrows would otherwise also scroll the page.
      event.preventDefault();
      shortcut.run(latest.current);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [latest]);
}
