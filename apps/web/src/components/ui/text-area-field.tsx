import type { ComponentProps } from 'react';
import { FieldShell } from './field-shell';

export type TextAreaFieldProps = ComponentProps<'textarea'> & {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
};

/** A labelled textarea whose error and hint are tied to it for screen readers. */
export function TextAreaField({ label, error, hint, id, className, ...rest }: TextAreaFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} id={id} className={className}>
      {(control) => <textarea className="input textarea" {...control} {...rest} />}
    </FieldShell>
  );
}
