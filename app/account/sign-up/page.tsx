import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ListenerAuthForm } from "@/components/account/listener-auth-form";
import { safeNextPath } from "@/components/account/safe-next-path";
import { MIN_PASSWORD_LENGTH } from "@/lib/platform/auth/create-auth";
import { currentListener } from "@/lib/platform/auth/require-listener";
import { AuthPage } from "../_lib/auth-page";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function ListenerSignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const next = safeNextPath((await searchParams).next, "/account");
  if (await currentListener(await headers())) redirect(next);
  return (
    <AuthPage
      title="Create an account"
      intro="Keep your place in every sermon and hear first what your church publishes."
    >
      <ListenerAuthForm mode="sign-up" next={next} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </AuthPage>
  );
}
