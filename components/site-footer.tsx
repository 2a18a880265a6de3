import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-stone-500 sm:flex-row sm:justify-between sm:px-6">
        <p>Selah — pause, listen, reflect.</p>
        <p>
          Sermons streamed, transcribed and searchable. ·{" "}
          <Link href="/privacy" className="underline hover:text-stone-800">
            Privacy
          </Link>
        </p>
      </div>
    </footer>
  );
}
