import Link from "next/link";
import { redirect } from "next/navigation";
import { isOperator } from "@/lib/platform/auth/get-operator-access";
import { listAdminMemberships } from "@/lib/platform/auth/list-admin-memberships";
import { currentUser } from "./_lib/admin-session";

export const dynamic = "force-dynamic";

export default async function AdminHome() {
  const user = await currentUser();
  if (!user) redirect("/admin/sign-in");
  const [memberships, operator] = await Promise.all([
    listAdminMemberships(user.id),
    isOperator(user.id),
  ]);
  if (memberships.length === 0 && operator) redirect("/operator");
  if (memberships.length === 1 && !operator) redirect(`/admin/${memberships[0]!.church.slug}`);
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
      {operator && (
        <Link
          href="/operator"
          className="mt-6 flex items-center justify-between rounded-2xl border border-amber-200 bg-amber-50 px-5 py-4 hover:bg-amber-100"
        >
          <span>
            <span className="block font-medium">Operations</span>
            <span className="block text-sm text-stone-600">
              Health, queues, pipeline runs and notifications of this installation
            </span>
          </span>
          <span aria-hidden="true" className="text-amber-700">
            →
          </span>
        </Link>
      )}
    </div>
  );
}
