import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import "./globals.css";
import { Providers } from "@/components/providers";

export const metadata: Metadata = {
  title: { default: "Merchloop", template: "%s · Merchloop" },
  description: "Merch made from what the internet is talking about — commission your own.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request so Next can put this request's CSP nonce on its scripts (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
