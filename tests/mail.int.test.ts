import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { resetMailProvider } from "../server/providers/mail";
import { resendMail, sendMail } from "../server/services/mail/send-mail";
import { listMail } from "../server/services/mail/list-mail";
import { uid } from "./helpers/factories";

// A real SMTP server in the test process: the live transport (nodemailer) talks SMTP to it.
type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let server: SMTPServer;
let port = 0;
let refuse = false;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, cb) {
      if (refuse) return cb(Object.assign(new Error("550 mailbox unavailable"), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function useSmtp(on: boolean) {
  if (on) process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  else delete process.env.SMTP_URL;
  resetEnvCache();
  resetMailProvider();
}

afterEach(() => {
  refuse = false;
  useSmtp(false);
});

const message = (over: Partial<Parameters<typeof sendMail>[0]> = {}) => ({
  to: `${uid("shopper")}@example.com`.toLowerCase(),
  subject: "Your order is confirmed",
  text: "Thanks for your order.",
  html: "<p>Thanks for your <b>order</b>.</p>",
  kind: "order.confirmation",
  ...over,
});

describe("mail", () => {
  it("with no SMTP_URL the message lands in the local outbox, with both parts", async () => {
    const m = message();
    const r = await sendMail(m);
    expect(r).toMatchObject({ status: "SENT", duplicate: false });
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ provider: "local", toAddress: m.to, subject: m.subject, text: m.text, html: m.html, status: "SENT" });
    expect(row.sentAt).not.toBeNull();
    const { items } = await listMail({ kind: "order.confirmation" });
    expect(items.map((i) => i.id)).toContain(r.id);
  });

  it("the same idempotency key sends once", async () => {
    const key = uid("order-confirm");
    const a = await sendMail(message({ idempotencyKey: key }));
    const b = await sendMail(message({ idempotencyKey: key }));
    const c = await Promise.all([sendMail(message({ idempotencyKey: key })), sendMail(message({ idempotencyKey: key }))]);
    expect(b).toEqual({ id: a.id, status: "SENT", duplicate: true });
    expect(c.every((x) => x.duplicate && x.id === a.id)).toBe(true);
    expect(await db.mailMessage.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("refuses a bad address before storing anything", async () => {
    const before = await db.mailMessage.count();
    await expect(sendMail(message({ to: "not-an-address" }))).rejects.toThrow(/recipient/);
    expect(await db.mailMessage.count()).toBe(before);
  });

  it("with SMTP_URL the live transport delivers over SMTP to a real server", async () => {
    useSmtp(true);
    const m = message({ subject: "Shipped: your tee", text: "Tracking: TRK123", html: "<p>Tracking: <a href='https://t.example/TRK123'>TRK123</a></p>" });
    const r = await sendMail(m);
    expect(r.status).toBe("SENT");
    const got = received.find((x) => x.to.includes(m.to));
    expect(got).toBeDefined();
    expect(got!.raw).toContain("Subject: Shipped: your tee");
    expect(got!.raw).toContain("Tracking: TRK123");
    expect(got!.raw).toMatch(/multipart\/alternative/);
    expect(got!.raw).toContain(`Message-ID: <${r.id}@`);
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.provider).toBe("smtp");
  });

  it("a refused delivery is recorded as FAILED with the reason, and can be resent", async () => {
    useSmtp(true);
    refuse = true;
    const m = message();
    const r = await sendMail(m);
    expect(r.status).toBe("FAILED");
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.error).toMatch(/550|mailbox/);
    refuse = false;
    const again = await resendMail({ mailId: r.id });
    expect(again.status).toBe("SENT");
    expect(received.filter((x) => x.to.includes(m.to))).toHaveLength(1);
    await expect(resendMail({ mailId: r.id })).rejects.toThrow(/already sent/);
  });
});
