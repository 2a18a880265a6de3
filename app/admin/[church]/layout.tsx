import { AdminNav } from "@/components/admin/admin-nav";
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
    <div className="bg-stone-50">
      <div className="border-b border-stone-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <div className="flex flex-wrap items-center justify-between gap-3 pt-6">
            <div>
              <p className="text-xs font-semibold uppercase tracking-widest text-amber-700">
                Admin · {role}
              </p>
              <h1 className="mt-1 text-xl font-semibold tracking-tight">{church.name}</h1>
            </div>
            <form action={signOut} className="flex items-center gap-3 text-sm text-stone-600">
              <span className="hidden sm:inline">{user.email}</span>
              <button
                type="submit"
                className="rounded-lg px-3 py-1.5 font-medium hover:bg-stone-100"
              >
                Sign out
              </button>
            </form>
          </div>
          <div className="mt-4">
            <AdminNav churchSlug={church.slug} canEditSettings={hasRole(role, "admin")} />
          </div>
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</div>
    </div>
  );
}
