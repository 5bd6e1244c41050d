import { useTranslation } from 'react-i18next';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import type { User } from '@/lib/auth';

export function ProfileCard({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="profile-title">
      <h2 id="profile-title" className="card__title">
        {t('account.profile.title')}
      </h2>
      <dl className="details">
        <div>
          <dt>{t('fields.displayName')}</dt>
          <dd data-testid="profile-name">{user.displayName}</dd>
        </div>
        <div>
          <dt>{t('fields.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('account.profile.role')}</dt>
          <dd>
            <Badge tone="accent">{t(`roles.${user.role}`)}</Badge>
          </dd>
        </div>
      </dl>
    </Card>
  );
}
