"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Badge, Button, Card, ConfirmButton, ErrorMessage, SelectField, TextField } from "@/components/ui";
import { timeAgo } from "@/lib/format";
import { useEditLock } from "@/components/admin/role-context";

type Role = "ADMIN" | "VIEWER";

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const trpc = useTRPC();
  const lock = useEditLock();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("VIEWER");
  const invite = useMutation(trpc.users.invite.mutationOptions({ onSuccess: () => { setEmail(""); onInvited(); } }));
  const sent = invite.data;
  return (
    <Card className="space-y-3">
      <h2 className="font-semibold">Invite someone</h2>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e: FormEvent) => { e.preventDefault(); invite.mutate({ email, role }); }}
      >
        <div className="w-72"><TextField label="Email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} disabled={lock.disabled} /></div>
        <div className="w-40">
          <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={lock.disabled}>
            <option value="VIEWER">viewer (read-only)</option>
            <option value="ADMIN">admin</option>
          </SelectField>
        </div>
        <Button type="submit" busy={invite.isPending} {...lock}>Send invite</Button>
      </form>
      <ErrorMessage error={invite.error} />
      {sent && (
        <div role="status" className="space-y-1 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          <p>Invited {sent.email} as {sent.role.toLowerCase()}. {sent.mailStatus === "SENT" ? "The invitation was mailed." : "The invitation could not be mailed."}</p>
          {sent.link && (
            <p>
              No mail server delivered it, so hand over this one-time link yourself (valid 72 hours):{" "}
              <code aria-label="Invite link" className="break-all rounded bg-white px-1">{sent.link}</code>
            </p>
          )}
        </div>
      )}
    </Card>
  );
}

function ChangePassword() {
  const trpc = useTRPC();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const change = useMutation(trpc.users.changePassword.mutationOptions({ onSuccess: () => { window.location.href = "/signin?callbackUrl=/admin/users"; } }));
  return (
    <Card className="space-y-3">
      <h2 className="font-semibold">Change your password</h2>
      <p className="text-sm text-zinc-600">Every session of yours ends at once, this one included: sign in again with the new password.</p>
      <form className="flex flex-wrap items-end gap-3" onSubmit={(e: FormEvent) => { e.preventDefault(); change.mutate({ currentPassword: current, newPassword: next }); }}>
        <div className="w-56"><TextField label="Current password" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} /></div>
        <div className="w-56"><TextField label="New password" type="password" autoComplete="new-password" minLength={10} required value={next} onChange={(e) => setNext(e.target.value)} hint="At least 10 characters" /></div>
        <Button type="submit" variant="secondary" busy={change.isPending}>Change password</Button>
      </form>
      <ErrorMessage error={change.error} />
    </Card>
  );
}

/** Users, roles and last sign-in; invites; role changes and removal (admins); one's own password. */
export function UsersPanel({ meId }: { meId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const lock = useEditLock();
  const list = useQuery(trpc.users.list.queryOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const changeRole = useMutation(trpc.users.changeRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.users.remove.mutationOptions({ onSettled: refresh }));
  return (
    <div className="space-y-6">
      <InviteForm onInvited={refresh} />
      <ErrorMessage error={list.error ?? changeRole.error ?? remove.error} />
      <Card className="overflow-x-auto p-0">
        <table className="w-full text-sm" aria-label="Users">
          <thead className="bg-zinc-50 text-left text-xs text-zinc-600">
            <tr><th className="px-3 py-2">User</th><th className="px-3 py-2">Role</th><th className="px-3 py-2">Last sign-in</th><th className="px-3 py-2">Since</th><th className="px-3 py-2"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {(list.data?.users ?? []).map((u) => (
              <tr key={u.id} className="border-t border-zinc-100">
                <th scope="row" className="px-3 py-2 text-left font-medium">{u.email}{u.name ? <span className="ml-2 font-normal text-zinc-500">{u.name}</span> : null}{u.id === meId && <Badge className="ml-2">you</Badge>}</th>
                <td className="px-3 py-2">
                  <select
                    aria-label={`Role of ${u.email}`}
                    value={u.role}
                    disabled={lock.disabled || u.id === meId || changeRole.isPending}
                    title={lock.title}
                    onChange={(e) => changeRole.mutate({ userId: u.id, role: e.target.value as Role })}
                    className="rounded-md bg-white px-2 py-1 text-sm ring-1 ring-zinc-300"
                  >
                    <option value="ADMIN">admin</option>
                    <option value="VIEWER">viewer</option>
                  </select>
                </td>
                <td className="px-3 py-2 text-zinc-600">{u.lastSignInAt ? timeAgo(u.lastSignInAt) : "never"}</td>
                <td className="px-3 py-2 text-zinc-600">{timeAgo(u.createdAt)}</td>
                <td className="px-3 py-2 text-right">
                  {u.id !== meId && (
                    <ConfirmButton size="sm" {...lock} aria-label={`Remove ${u.email}`} prompt={`Remove ${u.email}? They are signed out at once.`} confirmLabel="Remove" busy={remove.isPending && remove.variables?.userId === u.id} onConfirm={() => remove.mutate({ userId: u.id })}>
                      Remove
                    </ConfirmButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {(list.data?.invites.length ?? 0) > 0 && (
        <section aria-labelledby="pending-invites" className="space-y-2">
          <h2 id="pending-invites" className="font-semibold">Pending invites</h2>
          <Card className="p-0">
            <ul className="divide-y divide-zinc-100 text-sm">
              {list.data!.invites.map((i) => (
                <li key={i.id} className="flex flex-wrap gap-3 px-3 py-2">
                  <span className="font-medium">{i.email}</span>
                  <span>{i.role.toLowerCase()}</span>
                  <span className="text-zinc-500">invited {timeAgo(i.createdAt)}{i.invitedBy ? ` by ${i.invitedBy.email}` : ""}</span>
                </li>
              ))}
            </ul>
          </Card>
        </section>
      )}
      <ChangePassword />
    </div>
  );
}
