import { PageHeader } from "@/components/ui";
import { ReviewQueue } from "@/components/admin/review/review-queue";

export const metadata = { title: "Review" };

export default function ReviewPage() {
  return (
    <>
      <PageHeader title="Review" description="Finished designs wait here before they reach marketplaces: check the art and mockups, edit the listing copy, then approve or reject — one at a time or in bulk." />
      <ReviewQueue />
    </>
  );
}
