import { expect, type Page } from "@playwright/test";

import { ADMIN } from "./admin";

export { ADMIN };

/** Signs in through the real sign-in form as the seeded e2e admin. */
export async function signInAsAdmin(page: Page) {
  await page.goto("/signin?callbackUrl=/admin");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin/);
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();
}
