import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { currentUser } from "../_lib/admin-session";
import { signIn } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const { next = "/admin" } = await searchParams;
  if (await currentUser()) redirect("/admin");
  return (
    <div className="mx-auto max-w-md px-4 py-16 sm:py-24">
      <div className="rounded-2xl border border-stone-200 bg-white p-8 shadow-sm">
        <h1 className="font-serif text-2xl font-semibold tracking-tight">Church admin sign-in</h1>
        <p className="mt-2 text-sm text-stone-600">
          Upload sermons, edit their details and watch them being processed.
        </p>
        <div className="mt-8">
          <SignInForm action={signIn} next={next} />
        </div>
      </div>
      <p className="mt-6 text-center text-xs text-stone-500">
        No account? An owner creates one with{" "}
        <code className="rounded bg-stone-100 px-1 py-0.5">npm run admin:create</code>. Installation
        operators sign in here too.
      </p>
    </div>
  );
}
