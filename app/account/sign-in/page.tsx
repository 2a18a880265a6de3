import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ListenerAuthForm } from "@/components/account/listener-auth-form";
import { safeNextPath } from "@/components/account/safe-next-path";
import { MIN_PASSWORD_LENGTH } from "@/lib/platform/auth/create-auth";
import { currentListener } from "@/lib/platform/auth/require-listener";
import { AuthPage } from "../_lib/auth-page";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function ListenerSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const next = safeNextPath((await searchParams).next, "/account");
  if (await currentListener(await headers())) redirect(next);
  return (
    <AuthPage title="Sign in" intro="Pick up where you left off, on any device.">
      <ListenerAuthForm mode="sign-in" next={next} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </AuthPage>
  );
}
