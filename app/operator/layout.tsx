import type { Metadata } from "next";
import { ConsoleFrame } from "@/components/admin/console-frame";
import { OperatorNav } from "@/components/operator/operator-nav";
import { signOut } from "../admin/sign-in/actions";
import { currentUser } from "../admin/_lib/admin-session";
import { requireOperatorPage } from "./_lib/operator-session";

export const metadata: Metadata = { title: { default: "Operations", template: "%s · Operations" } };
export const dynamic = "force-dynamic";

export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  // Without a session the page itself sends to sign-in, with its own address to come back to.
  if (!(await currentUser())) return children;
  const user = await requireOperatorPage();
  return (
    <ConsoleFrame
      eyebrow="Operator"
      title="Operations"
      email={user.email}
      signOut={signOut}
      nav={<OperatorNav />}
      className="min-h-screen"
    >
      {children}
    </ConsoleFrame>
  );
}
