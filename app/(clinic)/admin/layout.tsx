import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requirePageUser } from "@/lib/data/session";

// Each page checks again: a layout is not re-run on every navigation, so it cannot be the only lock.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageUser("team:manage");
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
