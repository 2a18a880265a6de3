"use client";

import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { isListenerPath } from "./listener-path";

// Loaded only on listener pages: the embed (which must stay light) and the admin never load it.
const NowPlayingHost = dynamic(() => import("./now-playing-host"), { ssr: false });

/**
 * Where the listener's player lives: in the root layout, so it stays mounted (and playing)
 * while the listener moves between listener pages; elsewhere it is not there at all.
 */
export function NowPlayingGate() {
  const pathname = usePathname();
  return isListenerPath(pathname) ? <NowPlayingHost /> : null;
}
