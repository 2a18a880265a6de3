import Link from "next/link";
import { redirect } from "next/navigation";
import { listAdminMemberships } from "@/lib/platform/auth/list-admin-memberships";
import { currentUser } from "./_lib/admin-session";

export const dynamic = "force-dynamic";

export default async function AdminHome() {
  const user = await currentUser();
  if (!user) redirect("/admin/sign-in");
  const memberships = await listAdminMemberships(user.id);
  if (memberships.length === 1) redirect(`/admin/${memberships[0]!.church.slug}`);
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your churches</h1>
      {memberships.length === 0 ? (
        <p className="mt-4 text-stone-600">
          You are not an admin of any church yet. Ask its owner to add you.
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
          {memberships.map(({ church, role }) => (
            <li key={church.slug}>
              <Link
                href={`/admin/${church.slug}`}
                className="flex items-center justify-between px-5 py-4 hover:bg-stone-50"
              >
                <span className="font-medium">{church.name}</span>
                <span className="text-xs font-medium uppercase tracking-wide text-stone-500">
                  {role}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
