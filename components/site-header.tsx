import Link from "next/link";
import { AccountMenu } from "./account/account-menu";

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white/80 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-lg bg-amber-700 font-serif text-white"
          >
            S
          </span>
          Selah
        </Link>
        <nav
          aria-label="Main"
          className="flex items-center gap-1 text-sm font-medium text-stone-600"
        >
          {/* On a phone the logo is the way home: four links do not fit beside it at 390 px. */}
          <Link
            href="/"
            className="hidden rounded-md px-3 py-2 hover:bg-stone-100 hover:text-stone-900 sm:block"
          >
            Churches
          </Link>
          <Link
            href="/search"
            className="rounded-md px-3 py-2 hover:bg-stone-100 hover:text-stone-900"
          >
            Search
          </Link>
          <Link
            href="/downloads"
            className="rounded-md px-3 py-2 hover:bg-stone-100 hover:text-stone-900"
          >
            Downloads
          </Link>
          <AccountMenu />
        </nav>
      </div>
    </header>
  );
}
