import { z } from "zod";

const ZPassword = z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters");
export const ZRole = z.enum(["ADMIN", "VIEWER"]);

export const ZInviteUser = z.object({ email: z.email("Enter a valid email address").max(254), role: ZRole });
export const ZChangeRole = z.object({ userId: z.string().min(1), role: ZRole });
export const ZRemoveUser = z.object({ userId: z.string().min(1) });
export const ZChangePassword = z.object({ currentPassword: z.string().min(1, "Enter your current password").max(200), newPassword: ZPassword });
export const ZInviteToken = z.object({ token: z.string().min(20).max(100) });
export const ZAcceptInvite = ZInviteToken.extend({ name: z.string().trim().max(100).optional(), password: ZPassword });
