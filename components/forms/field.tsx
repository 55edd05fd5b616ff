import type { ReactNode } from "react";

type FieldProps = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
};

/** A labelled form control with its hint and its error message next to it, wired for screen readers. */
export function Field({ name, label, error, hint, children }: FieldProps) {
  const id = `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

export function FormMessage({ error, message }: { error?: string; message?: string }) {
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (message)
    return (
      <p role="status" className="notice">
        {message}
      </p>
    );
  return null;
}
