/** What the player can be asked to do from the keyboard. */
export interface PlayerCommands {
  togglePlay: () => void;
  skipBy: (seconds: number) => void;
  changeVolumeBy: (delta: number) => void;
  toggleMute: () => void;
  stepSpeed: (direction: 1 | -1) => void;
  /** Marks the current moment (and asks for a note); the embedded player keeps no bookmarks. */
  bookmark?: () => void;
}

export const SKIP_SECONDS = 15;
export const VOLUME_STEP = 0.1;

export interface KeyboardShortcut {
  /** `KeyboardEvent.key` values, letters in lower case. */
  keys: string[];
  /** The keys as the hint shows them. */
  labels: string[];
  description: string;
  run: (commands: PlayerCommands) => void;
}

/** One list for both the key handler and the hint, so the two cannot disagree. */
export const KEYBOARD_SHORTCUTS: KeyboardShortcut[] = [
  {
    keys: [" ", "k"],
    labels: ["Space", "K"],
    description: "Play or pause",
    run: (c) => c.togglePlay(),
  },
  {
    keys: ["arrowleft", "j"],
    labels: ["←", "J"],
    description: `Back ${SKIP_SECONDS} seconds`,
    run: (c) => c.skipBy(-SKIP_SECONDS),
  },
  {
    keys: ["arrowright", "l"],
    labels: ["→", "L"],
    description: `Forward ${SKIP_SECONDS} seconds`,
    run: (c) => c.skipBy(SKIP_SECONDS),
  },
  {
    keys: ["arrowup"],
    labels: ["↑"],
    description: "Louder",
    run: (c) => c.changeVolumeBy(VOLUME_STEP),
  },
  {
    keys: ["arrowdown"],
    labels: ["↓"],
    description: "Quieter",
    run: (c) => c.changeVolumeBy(-VOLUME_STEP),
  },
  { keys: ["m"], labels: ["M"], description: "Mute or unmute", run: (c) => c.toggleMute() },
  { keys: ["<"], labels: ["<"], description: "Slower", run: (c) => c.stepSpeed(-1) },
  { keys: [">"], labels: [">"], description: "Faster", run: (c) => c.stepSpeed(1) },
  { keys: ["b"], labels: ["B"], description: "Bookmark this moment", run: (c) => c.bookmark?.() },
];

const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);
// Space and Enter already press these; the shortcut would press them a second time.
const PRESSABLE_SELECTOR = "button, a[href], summary, [role='button'], [role='link']";

/** The shortcut for a `KeyboardEvent.key`, whatever its case; null for other keys. */
export const findShortcut = (key: string): KeyboardShortcut | null =>
  KEYBOARD_SHORTCUTS.find((shortcut) => shortcut.keys.includes(key.toLowerCase())) ?? null;

/** The shortcut `event` asks for, or null when the key belongs to what has focus. */
export function shortcutFor(event: KeyboardEvent): KeyboardShortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target && (TYPING_TAGS.has(target.tagName) || (target as HTMLElement).isContentEditable)) {
    return null;
  }
  if (event.key === " " && target?.closest(PRESSABLE_SELECTOR)) return null;
  return findShortcut(event.key);
}
