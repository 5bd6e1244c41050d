import type { ComponentProps } from 'react';
import { FieldShell } from './field-shell';

export type TextFieldProps = ComponentProps<'input'> & {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
};

/** A labelled input whose error and hint are tied to it for screen readers. */
export function TextField({ label, error, hint, id, className, ...rest }: TextFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} id={id} className={className}>
      {(control) => <input className="input" {...control} {...rest} />}
    </FieldShell>
  );
}
