import { PageHeader } from "@/components/ui";
import { CartView } from "@/components/store/cart-view";

export const metadata = { title: "Cart · merchloop" };

export default async function CartPage({ searchParams }: { searchParams: Promise<{ cancelled?: string }> }) {
  const { cancelled } = await searchParams;
  return (
    <div className="space-y-6">
      <PageHeader title="Your cart" />
      <CartView cancelled={cancelled === "1"} />
    </div>
  );
}
