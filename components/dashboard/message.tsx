import { Fragment, type ReactNode } from "react";

/**
 * formatMessage() for elements: "{store}: the last {days} days" with `store` a <span>.
 * The translation decides where each value goes; the page decides what it is.
 */
export function Message({
  template,
  values,
}: {
  template: string;
  values: Record<string, ReactNode>;
}) {
  return template.split(/(\{\w+\})/).map((part, index) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    return (
      <Fragment key={index}>{key !== undefined && key in values ? values[key] : part}</Fragment>
    );
  });
}
