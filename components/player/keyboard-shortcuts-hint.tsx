import { KEYBOARD_SHORTCUTS } from "./keyboard-shortcuts";

/**
 * The shortcuts, one click away behind a keyboard icon (with a tooltip), so the controls stay
 * on one line. Hidden on touch screens, where there is no keyboard to use them with.
 */
export function KeyboardShortcutsHint() {
  return (
    <details className="group relative pointer-coarse:hidden">
      <summary
        title="Keyboard shortcuts"
        className="grid size-8 cursor-pointer list-none place-items-center rounded-lg text-stone-500 hover:bg-stone-50 hover:text-stone-800 group-open:bg-stone-100 group-open:text-stone-800 [&::-webkit-details-marker]:hidden"
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="size-5 fill-none stroke-current"
          strokeWidth={1.75}
          strokeLinecap="round"
        >
          <rect x="2.5" y="6" width="19" height="12" rx="2" />
          <path d="M6.5 10h.01M10 10h.01M14 10h.01M17.5 10h.01M8 14h8" />
        </svg>
        <span className="sr-only">Keyboard shortcuts</span>
      </summary>
      <div className="absolute right-0 bottom-full z-10 mb-2 w-64 rounded-xl border border-stone-200 bg-white p-4 shadow-lg">
        <p className="mb-3 text-xs font-semibold text-stone-900">Keyboard shortcuts</p>
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-xs">
          {KEYBOARD_SHORTCUTS.map((shortcut) => (
            <div key={shortcut.description} className="contents">
              <dt className="flex gap-1">
                {shortcut.labels.map((label) => (
                  <kbd
                    key={label}
                    className="min-w-6 rounded border border-stone-300 bg-stone-50 px-1.5 py-0.5 text-center font-sans font-medium text-stone-700 shadow-[0_1px_0_var(--color-stone-300)]"
                  >
                    {label}
                  </kbd>
                ))}
              </dt>
              <dd className="text-stone-600">{shortcut.description}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
