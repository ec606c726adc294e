import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripeProvider } from "../server/providers/payments/stripe";

// A node:http server speaking Stripe's API (form-encoded requests, JSON answers, Idempotency-Key
// header); the official SDK is pointed at it through STRIPE_API_BASE-style host/port/protocol.

type Seen = { method: string; path: string; idempotencyKey?: string; auth?: string; form: URLSearchParams };
const seen: Seen[] = [];
const sessionsByKey = new Map<string, string>();
let server: Server;
let base: string;

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = "";
    req.on("data", (c) => (s += c));
    req.on("end", () => resolve(s));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const form = new URLSearchParams(await body(req));
    const key = req.headers["idempotency-key"] as string | undefined;
    seen.push({ method: req.method!, path: req.url!, idempotencyKey: key, auth: req.headers.authorization, form });
    res.setHeader("content-type", "application/json");
    res.setHeader("request-id", `req_${seen.length}`);
    if (req.method === "POST" && req.url === "/v1/checkout/sessions") {
      const id = sessionsByKey.get(key ?? "") ?? `cs_test_${seen.length}`;
      if (key) sessionsByKey.set(key, id);
      res.end(JSON.stringify({ id, object: "checkout.session", url: `https://checkout.stripe.test/c/pay/${id}`, client_reference_id: form.get("client_reference_id"), mode: "payment" }));
      return;
    }
    if (req.method === "POST" && req.url === "/v1/refunds") {
      if (!form.get("payment_intent")) {
        res.statusCode = 400;
        res.end(JSON.stringify({ error: { type: "invalid_request_error", message: "Missing payment_intent" } }));
        return;
      }
      res.end(JSON.stringify({ id: "re_test_1", object: "refund", status: "succeeded", amount: Number(form.get("amount")), payment_intent: form.get("payment_intent") }));
      return;
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${req.url})` } }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const provider = () => stripeProvider({ secretKey: "sk_test_contract", webhookSecret: "whsec_contract", apiBase: base });

describe("stripe payments adapter (official SDK on the wire)", () => {
  it("creates a payment-mode Checkout Session with the amount, reference and idempotency key", async () => {
    const s = await provider().createCheckoutSession({
      commissionId: "cm_123",
      amountCents: 2500,
      currency: "usd",
      description: "Merchloop Gold commission",
      successUrl: "http://shop.test/c/tok",
      cancelUrl: "http://shop.test/commission",
      metadata: { commissionId: "cm_123", tier: "gold" },
      idempotencyKey: "checkout:cm_123",
    });
    const req = seen.find((r) => r.path === "/v1/checkout/sessions")!;
    expect(req.method).toBe("POST");
    expect(req.auth).toBe("Bearer sk_test_contract");
    expect(req.idempotencyKey).toBe("checkout:cm_123");
    expect(req.form.get("mode")).toBe("payment");
    expect(req.form.get("client_reference_id")).toBe("cm_123");
    expect(req.form.get("line_items[0][price_data][unit_amount]")).toBe("2500");
    expect(req.form.get("line_items[0][price_data][currency]")).toBe("usd");
    expect(req.form.get("line_items[0][quantity]")).toBe("1");
    expect(req.form.get("metadata[commissionId]")).toBe("cm_123");
    expect(req.form.get("success_url")).toBe("http://shop.test/c/tok");
    expect(req.form.get("cancel_url")).toBe("http://shop.test/commission");
    expect(s.sessionId).toMatch(/^cs_test_/);
    expect(s.url).toContain(s.sessionId);

    const again = await provider().createCheckoutSession({
      commissionId: "cm_123", amountCents: 2500, currency: "usd", description: "x", successUrl: "http://a.test", cancelUrl: "http://a.test", metadata: {}, idempotencyKey: "checkout:cm_123",
    });
    expect(again.sessionId).toBe(s.sessionId);
  });

  it("creates one shop session per cart: line items with price data, address collection, shipping options, automatic tax", async () => {
    const s = await provider().createCheckoutSession({
      orderId: "ord_9",
      amountCents: 5200,
      currency: "usd",
      description: "Merchloop order (3 items)",
      lineItems: [
        { name: "Loaf", description: "Black · M", unitCents: 2400, quantity: 2, imageUrl: "https://files.shop.test/m.png" },
        { name: "Loaf", description: "White · 3×3 in", unitCents: 400, quantity: 1 },
      ],
      shipping: { allowedCountries: ["US", "CA"], options: [{ id: "standard", label: "Standard", amountCents: 955, minDays: 5, maxDays: 8 }, { id: "express", label: "Express", amountCents: 1795, minDays: 2, maxDays: 3 }] },
      automaticTax: true,
      customerEmail: "ada@example.test",
      successUrl: "http://shop.test/o/tok",
      cancelUrl: "http://shop.test/cart",
      metadata: { orderId: "ord_9" },
      idempotencyKey: "checkout:ord_9",
    });
    const req = seen.filter((r) => r.path === "/v1/checkout/sessions").at(-1)!;
    expect(req.idempotencyKey).toBe("checkout:ord_9");
    expect(req.form.get("client_reference_id")).toBe("ord_9");
    expect(req.form.get("line_items[0][quantity]")).toBe("2");
    expect(req.form.get("line_items[0][price_data][unit_amount]")).toBe("2400");
    expect(req.form.get("line_items[0][price_data][product_data][description]")).toBe("Black · M");
    expect(req.form.get("line_items[0][price_data][product_data][images][0]")).toBe("https://files.shop.test/m.png");
    expect(req.form.get("line_items[1][price_data][unit_amount]")).toBe("400");
    expect(req.form.get("shipping_address_collection[allowed_countries][0]")).toBe("US");
    expect(req.form.get("shipping_address_collection[allowed_countries][1]")).toBe("CA");
    expect(req.form.get("shipping_options[0][shipping_rate_data][type]")).toBe("fixed_amount");
    expect(req.form.get("shipping_options[0][shipping_rate_data][fixed_amount][amount]")).toBe("955");
    expect(req.form.get("shipping_options[1][shipping_rate_data][display_name]")).toBe("Express");
    expect(req.form.get("shipping_options[1][shipping_rate_data][delivery_estimate][maximum][value]")).toBe("3");
    expect(req.form.get("shipping_options[1][shipping_rate_data][metadata][rateId]")).toBe("express");
    expect(req.form.get("automatic_tax[enabled]")).toBe("true");
    expect(req.form.get("customer_email")).toBe("ada@example.test");
    expect(req.form.get("metadata[orderId]")).toBe("ord_9");
    expect(s.url).toContain(s.sessionId);
  });

  it("refunds a payment intent with the deterministic idempotency key", async () => {
    const r = await provider().refund({ paymentIntentId: "pi_abc", amountCents: 2500, currency: "usd", idempotencyKey: "refund:pay_1", reason: "content_unsafe", metadata: { refundId: "rf_1" } });
    expect(r).toEqual({ refundId: "re_test_1", status: "succeeded" });
    const req = seen.find((x) => x.path === "/v1/refunds")!;
    expect(req.idempotencyKey).toBe("refund:pay_1");
    expect(req.form.get("payment_intent")).toBe("pi_abc");
    expect(req.form.get("amount")).toBe("2500");
    expect(req.form.get("metadata[refundId]")).toBe("rf_1");
  });

  it("surfaces Stripe API errors", async () => {
    await expect(provider().refund({ paymentIntentId: "", amountCents: 1, currency: "usd", idempotencyKey: "k", reason: "x" })).rejects.toThrow(/payment_intent/);
  });

  it("verifies webhook signatures with the endpoint secret and refuses tampering", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event", type: "checkout.session.completed", data: { object: { id: "cs_1" } } });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_contract" });
    expect(provider().verifyWebhook(payload, header).id).toBe("evt_1");
    expect(() => provider().verifyWebhook(payload.replace("cs_1", "cs_2"), header)).toThrow();
    expect(() => provider().verifyWebhook(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other" }))).toThrow();
    expect(() => provider().verifyWebhook(payload, null)).toThrow(/Missing/);
  });
});
