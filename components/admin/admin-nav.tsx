"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function AdminNav({
  churchSlug,
  canEditSettings,
}: {
  churchSlug: string;
  canEditSettings: boolean;
}) {
  const pathname = usePathname();
  const base = `/admin/${churchSlug}`;
  const links = [
    {
      href: base,
      label: "Sermons",
      isActive: pathname === base || pathname.startsWith(`${base}/sermons`),
    },
    {
      href: `${base}/speakers`,
      label: "Speakers",
      isActive: pathname.startsWith(`${base}/speakers`),
    },
    { href: `${base}/series`, label: "Series", isActive: pathname.startsWith(`${base}/series`) },
    { href: `${base}/import`, label: "Import", isActive: pathname.startsWith(`${base}/import`) },
    {
      href: `${base}/insights`,
      label: "Insights",
      isActive: pathname.startsWith(`${base}/insights`),
    },
    ...(canEditSettings
      ? [
          {
            href: `${base}/settings`,
            label: "Settings",
            isActive: pathname.startsWith(`${base}/settings`),
          },
        ]
      : []),
  ];
  return (
    <nav aria-label="Church admin" className="-mb-px flex gap-1 overflow-x-auto">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.isActive ? "page" : undefined}
          className={`whitespace-nowrap border-b-2 px-3 py-3 text-sm font-medium transition ${
            link.isActive
              ? "border-amber-600 text-stone-900"
              : "border-transparent text-stone-500 hover:text-stone-800"
          }`}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
