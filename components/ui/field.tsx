import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

const control = "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-zinc-300 focus:ring-2 focus:ring-brand-500 aria-[invalid=true]:ring-red-500";

type FieldProps = { label: string; hint?: ReactNode; error?: string | null };

function Wrap({ id, label, hint, error, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children}
      {hint && !error && <p id={`${id}-hint`} className="text-xs text-zinc-500">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-xs text-red-600" role="alert">{error}</p>}
    </div>
  );
}

export function TextField({ label, hint, error, className, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Wrap id={id} label={label} hint={hint} error={error}>
      <input id={id} aria-invalid={!!error} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined} className={cn(control, className)} {...rest} />
    </Wrap>
  );
}

export function TextArea({ label, hint, error, className, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Wrap id={id} label={label} hint={hint} error={error}>
      <textarea id={id} aria-invalid={!!error} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined} className={cn(control, className)} {...rest} />
    </Wrap>
  );
}

export function SelectField({ label, hint, error, className, children, ...rest }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Wrap id={id} label={label} hint={hint} error={error}>
      <select id={id} aria-invalid={!!error} className={cn(control, className)} {...rest}>
        {children}
      </select>
    </Wrap>
  );
}
