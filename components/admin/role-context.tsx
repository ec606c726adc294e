"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@prisma/client";

// The signed-in dashboard user's role, for the UI only: the server refuses every change from a
// viewer anyway (adminProcedure); this just keeps viewers from pressing buttons that cannot work.
const RoleContext = createContext<Role | null>(null);

export function RoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

export const useCanEdit = () => useContext(RoleContext) === "ADMIN";

/** Props for an action control: disabled, with a hint, for anyone who may not change things. */
export function useEditLock(): { disabled: boolean; title?: string } {
  return useCanEdit() ? { disabled: false } : { disabled: true, title: "Viewers can look but not change anything" };
}
