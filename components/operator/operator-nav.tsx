"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/operator", label: "Overview" },
  { href: "/operator/jobs", label: "Jobs" },
  { href: "/operator/dead-letters", label: "Dead letters" },
  { href: "/operator/mailbox", label: "Mailbox" },
];

export function OperatorNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Operations" className="-mb-px flex gap-1 overflow-x-auto">
      {LINKS.map((link) => {
        const isActive =
          link.href === "/operator" ? pathname === link.href : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={isActive ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-3 text-sm font-medium transition ${
              isActive
                ? "border-amber-600 text-stone-900"
                : "border-transparent text-stone-500 hover:text-stone-800"
            }`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
