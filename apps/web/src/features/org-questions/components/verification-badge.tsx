import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';

type Verification = 'not-applicable' | 'unverified' | 'verified';

const TONE = { verified: 'easy', unverified: 'medium', 'not-applicable': 'neutral' } as const;

/** Whether the question's Go program was proven by the verifier; unverified code is flagged. */
export function VerificationBadge({ verification }: { verification: Verification }) {
  const { t } = useTranslation();
  return (
    <span data-testid="verification-badge" data-verification={verification} title={t(`orgQuestions.verificationHint.${verification}`)}>
      <Badge tone={TONE[verification]}>{t(`orgQuestions.verification.${verification}`)}</Badge>
    </span>
  );
}
