"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui";

const tabs = [
  { href: "/admin/promote", label: "Accounts" },
  { href: "/admin/promote/queue", label: "Approval queue" },
  { href: "/admin/promote/audit", label: "Audit log" },
];

export function PromoteTabs() {
  const path = usePathname();
  return (
    <nav aria-label="Promote" className="mb-4 flex gap-2 border-b border-zinc-200">
      {tabs.map((t) => (
        <Link key={t.href} href={t.href} aria-current={path === t.href ? "page" : undefined} className={cn("-mb-px border-b-2 px-3 py-2 text-sm", path === t.href ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-zinc-600 hover:text-zinc-900")}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
