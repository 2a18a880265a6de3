import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Not found" };

// Selah's own 404 (notFound() anywhere, and unknown addresses). Next.js's built-in one styles
// itself with an inline <style> element that carries no nonce, which the CSP refuses. Rendered
// per request: built once as a static page, an unknown address would get scripts without the
// request's nonce, which the CSP blocks.
export default async function NotFound() {
  await connection();
  return (
    <div className="mx-auto max-w-md px-4 py-16 text-center sm:py-24">
      <p className="text-sm font-medium uppercase tracking-wide text-stone-500">404</p>
      <h1 className="mt-2 font-serif text-2xl font-semibold tracking-tight">
        There is nothing here
      </h1>
      <p className="mt-3 text-stone-600">
        The address may be mistyped, or what it pointed to was removed or is not public yet.
      </p>
      <Link
        href="/"
        className="mt-8 inline-block rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-stone-700"
      >
        Back to the churches
      </Link>
    </div>
  );
}
