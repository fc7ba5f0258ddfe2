"use client";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/trpc/react";

/** A native <dialog> shown modally while open: focus stays inside, Esc closes it (its onClose reports that). */
export function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
}

export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  wide,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: React.ReactNode;
  footer?: React.ReactNode;
  wide?: boolean;
}) {
  const ref = useModal(open);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      className={`m-auto w-[94vw] ${wide ? "max-w-4xl" : "max-w-lg"} rounded-lg p-0 shadow-xl backdrop:bg-black/40`}
      aria-label={title}
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 className="font-semibold">{title}</h2>
        <button type="button" className="text-slate-400 hover:text-slate-700" onClick={onClose} aria-label="关闭">
          ✕
        </button>
      </div>
      {/* Focusable, so a keyboard can scroll a long body with nothing focusable in it (a detail's tables). */}
      <div
        tabIndex={0}
        className="max-h-[75vh] space-y-3 overflow-y-auto px-5 py-4 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
      >
        {children}
      </div>
      {footer && <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3">{footer}</div>}
    </dialog>
  );
}

/** A dialog whose footer is 关闭 + one submit button; the submit's error shows inside the dialog. */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  submitLabel = "保存",
  disabled,
  children,
  wide,
}: {
  title: string;
  onClose: () => void;
  /** Throws to show the error; resolves when done (the caller closes the dialog). */
  onSubmit: () => Promise<unknown>;
  submitLabel?: string;
  /** Nothing to submit yet (or work under way). */
  disabled?: boolean;
  children: React.ReactNode;
  wide?: boolean;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  return (
    <Dialog
      open
      wide={wide}
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn-default" onClick={onClose}>
            关闭
          </button>
          <button
            type="button"
            className="btn-primary"
            disabled={pending || disabled}
            onClick={async () => {
              setError("");
              setPending(true);
              try {
                await onSubmit();
              } catch (e) {
                setError(errorMessage(e));
              } finally {
                setPending(false);
              }
            }}
          >
            {submitLabel}
          </button>
        </>
      }
    >
      {children}
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/** An edit dialog while its record loads (or fails to): the form opens once the record is there. */
export function LoadingDialog({ title, error, onClose }: { title: string; error: unknown; onClose: () => void }) {
  return (
    <Dialog open title={title} onClose={onClose}>
      <p className="text-slate-400">{error ? errorMessage(error) : "加载中…"}</p>
    </Dialog>
  );
}
