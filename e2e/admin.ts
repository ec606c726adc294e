// The admin the e2e server seeds (ADMIN_EMAIL / ADMIN_PASSWORD) and the specs sign in as.
export const ADMIN = { email: "admin@merchloop.test", password: "e2e-admin-password" };
