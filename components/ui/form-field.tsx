import * as React from "react";

import { cn } from "@/lib/utils";
import { Label } from "@/components/ui/label";
import { fieldMessages } from "@/lib/forms/action-state";

/** Props FormField hands to its control so assistive tech links it to the label, hint and error. */
type FormControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

type FormFieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  label: React.ReactNode;
  /** Id for the control; defaults to a generated one. */
  id?: string;
  description?: React.ReactNode;
  /** A message or the list of messages for this field (e.g. zod's `fieldErrors[name]`). */
  error?: string | string[];
  /**
   * Either one control element (it receives `id`, `aria-invalid` and `aria-describedby`),
   * or a function that renders the control from those props.
   */
  children:
    | React.ReactElement<Partial<FormControlProps>>
    | ((control: FormControlProps) => React.ReactNode);
};

function FormField({
  label,
  id,
  description,
  error,
  children,
  className,
  ...props
}: FormFieldProps) {
  const generatedId = React.useId();
  const controlId = id ?? `field-${generatedId}`;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const messages = fieldMessages(error);
  const errorId = messages.length > 0 ? `${controlId}-error` : undefined;

  const control: FormControlProps = {
    id: controlId,
    "aria-invalid": errorId ? true : undefined,
    "aria-describedby": [descriptionId, errorId].filter(Boolean).join(" ") || undefined,
  };

  return (
    <div
      data-slot="form-field"
      data-invalid={errorId ? true : undefined}
      className={cn("grid gap-2", className)}
      {...props}
    >
      <Label htmlFor={controlId} className={cn(errorId && "text-destructive")}>
        {label}
      </Label>
      {typeof children === "function" ? children(control) : React.cloneElement(children, control)}
      {description ? (
        <p
          id={descriptionId}
          data-slot="form-description"
          className="text-sm text-muted-foreground"
        >
          {description}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} data-slot="form-message" className="text-sm text-destructive">
          {messages.map((message) => (
            <span key={message} className="block">
              {message}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

export { FormField, type FormFieldProps, type FormControlProps };
