"use client";

import { useRef, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";

type Props = {
  label: ReactNode;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  variant?: ButtonVariant;
};

/** A submit button that asks first, in a modal dialog that keeps keyboard focus inside. */
export function ConfirmSubmit({ label, question, confirmLabel, cancelLabel, variant = "danger" }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={trigger} variant={variant} onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      <dialog ref={dialog} className="m-auto max-w-sm rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50">
        <p className="mb-4 text-base text-slate-900">{question}</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            {cancelLabel}
          </Button>
          <Button
            variant={variant}
            onClick={() => {
              dialog.current?.close();
              trigger.current?.form?.requestSubmit();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
