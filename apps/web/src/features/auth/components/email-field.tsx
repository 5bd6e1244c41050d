import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from '@/components/ui/text-field';

/** The account's email address: email keyboard and autofill, required, labelled "Email" unless told otherwise. */
export function EmailField({ label, ...rest }: Omit<TextFieldProps, 'label' | 'type'> & { label?: string }) {
  const { t } = useTranslation();
  return <TextField label={label ?? t('fields.email')} type="email" name="email" autoComplete="email" inputMode="email" required {...rest} />;
}
