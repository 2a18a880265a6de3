import { AdminNav } from "@/components/admin/admin-nav";
import { ConsoleFrame } from "@/components/admin/console-frame";
import { hasRole } from "@/lib/platform/auth/church-access";
import { requireChurchPage } from "../_lib/admin-session";
import { signOut } from "../sign-in/actions";

export default async function ChurchAdminLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ church: string }>;
}) {
  const { church: slug } = await params;
  const { church, role, user } = await requireChurchPage(slug);
  return (
    <ConsoleFrame
      eyebrow={`Admin · ${role}`}
      title={church.name}
      email={user.email}
      signOut={signOut}
      nav={<AdminNav churchSlug={church.slug} canEditSettings={hasRole(role, "admin")} />}
    >
      {children}
    </ConsoleFrame>
  );
}
