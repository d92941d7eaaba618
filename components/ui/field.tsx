import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export const controlClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 " +
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-teal-700 aria-invalid:border-red-700";

type FieldFrameProps = { id: string; label: string; error?: string; hint?: string; children: ReactNode; className?: string };

export function FieldFrame({ id, label, error, hint, children, className }: FieldFrameProps) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export function describedBy(id: string, error?: string, hint?: string) {
  return [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined;
}

type CommonProps = { name: string; label: string; error?: string; hint?: string; className?: string };

export function TextField({ name, label, error, hint, className, id = `field-${name}`, ...props }: CommonProps & ComponentProps<"input">) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={controlClass} {...props} />
    </FieldFrame>
  );
}

export function TextAreaField({ name, label, error, hint, className, id = `field-${name}`, ...props }: CommonProps & ComponentProps<"textarea">) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={controlClass} rows={4} {...props} />
    </FieldFrame>
  );
}

export type Option = { value: string; label: string };

export function SelectField({ name, label, error, hint, className, options, id = `field-${name}`, ...props }: CommonProps & ComponentProps<"select"> & { options: Option[] }) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={controlClass} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ name, label, className, id = `field-${name}`, ...props }: Omit<CommonProps, "error" | "hint"> & ComponentProps<"input">) {
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <input id={id} name={name} type="checkbox" className="size-5 accent-teal-800" {...props} />
      <label htmlFor={id} className="text-sm text-slate-800">
        {label}
      </label>
    </div>
  );
}
