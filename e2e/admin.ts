// The admin the e2e server seeds (ADMIN_EMAIL / ADMIN_PASSWORD) and the specs sign in as.
export const ADMIN = { email: "admin@merchloop.test", password: "e2e-admin-password" };

// The e2e server's operator token and limits (scripts/e2e-server.ts sets them; specs rely on them).
// TRUST_PROXY=1 lets a spec speak as many clients through X-Forwarded-For; the browser's own
// requests all come from 127.0.0.1, so the shared limits are roomy enough for every spec.
export const E2E_SERVER_ENV = {
  METRICS_TOKEN: "e2e-metrics-token-0123456789",
  LOCAL_WEBHOOK_SECRET: "whsec_e2e_local_webhook_secret_0123456789",
  TRUST_PROXY: "1",
  RATE_LIMIT_API_PER_IP: "600",
  RATE_LIMIT_CREATE_PER_IP: "40",
  RATE_LIMIT_SIGNIN_PER_ACCOUNT: "5",
  RATE_LIMIT_SIGNIN_PER_IP: "8",
  RATE_LIMIT_SSE_PER_TOKEN: "2",
  RATE_LIMIT_SSE_PER_IP: "6",
  TRPC_MAX_BATCH: "10",
} as const;
