"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { cn } from "@/components/ui";

const items = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/signals", label: "Signals" },
  { href: "/admin/ideas", label: "Ideas" },
  { href: "/admin/designs", label: "Designs" },
  { href: "/admin/review", label: "Review" },
  { href: "/admin/publications", label: "Publications" },
  { href: "/admin/commissions", label: "Commissions" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/catalogue", label: "Catalogue" },
  { href: "/admin/promote", label: "Promote" },
  { href: "/admin/subreddits", label: "Subreddits" },
  { href: "/admin/analytics", label: "Analytics" },
  { href: "/admin/growth", label: "Growth" },
  { href: "/admin/queues", label: "Queues" },
  { href: "/admin/outbox", label: "Outbox", adminOnly: true },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/ask", label: "Ask", adminOnly: true },
];

export function AdminNav({ email, role }: { email: string; role: "ADMIN" | "VIEWER" }) {
  const path = usePathname();
  return (
    <aside className="border-b border-zinc-200 bg-white md:min-h-screen md:w-56 md:border-r md:border-b-0">
      <div className="px-4 py-4">
        <a href="/" className="font-bold text-brand-700">merchloop</a>
        <span className="ml-2 text-xs text-zinc-500">admin</span>
      </div>
      <nav aria-label="Admin" className="flex gap-1 overflow-x-auto px-2 pb-2 md:flex-col md:overflow-visible">
        {items.filter((i) => !("adminOnly" in i) || role === "ADMIN").map((i) => {
          const active = i.href === "/admin" ? path === "/admin" : path.startsWith(i.href);
          return (
            <Link key={i.href} href={i.href} aria-current={active ? "page" : undefined} className={cn("whitespace-nowrap rounded-md px-3 py-2 text-sm", active ? "bg-brand-50 font-medium text-brand-700" : "text-zinc-700 hover:bg-zinc-100")}>
              {i.label}
            </Link>
          );
        })}
      </nav>
      <div className="hidden px-4 py-4 text-xs text-zinc-500 md:block">
        <p className="truncate" title={email}>{email}</p>
        <p>{role === "ADMIN" ? "admin" : "viewer"}</p>
        <button className="mt-1 underline" onClick={() => signOut({ callbackUrl: "/" })}>Sign out</button>
      </div>
    </aside>
  );
}
