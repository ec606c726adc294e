import { PageHeader } from "@/components/ui";
import { PublicationsTable } from "@/components/admin/publications/publications-table";

export const metadata = { title: "Publications" };

export default function PublicationsPage() {
  return (
    <>
      <PageHeader title="Publications" description="Where each listing is published: the storefront, Zazzle links and Printful products. Failed ones can be retried." />
      <PublicationsTable />
    </>
  );
}
