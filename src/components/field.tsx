export function Field({
  label,
  htmlFor,
  required,
  children,
  hint,
}: {
  label: string;
  htmlFor?: string;
  required?: boolean;
  children: React.ReactNode;
  hint?: string;
}) {
  return (
    <div>
      <label className="label" htmlFor={htmlFor}>
        {required && (
          <span aria-hidden="true" className="mr-0.5 text-red-500">
            *
          </span>
        )}
        {label}
      </label>
      {children}
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

export function Alert({ kind = "error", children }: { kind?: "error" | "info" | "ok"; children: React.ReactNode }) {
  if (!children) return null;
  return (
    <div role={kind === "error" ? "alert" : "status"} className={kind === "error" ? "alert-error" : kind === "ok" ? "alert-ok" : "alert-info"}>
      {children}
    </div>
  );
}
