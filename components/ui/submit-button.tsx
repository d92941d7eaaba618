"use client";

import { useFormStatus } from "react-dom";
import type { ComponentProps } from "react";
import { Button, type ButtonVariant } from "./button";

export function SubmitButton(props: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return <Button type="submit" disabled={pending} aria-disabled={pending} {...props} />;
}
