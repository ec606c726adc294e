import { EmptyState } from "@/components/ui";

export default function StoreHome() {
  return <EmptyState title="No products yet">New designs appear here as soon as they are published.</EmptyState>;
}
