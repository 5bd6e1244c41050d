import { useTranslation } from 'react-i18next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { CreateOrgForm } from '@/features/account/components/create-org-form';
import { OrgQuestionsArea } from '@/features/org-questions/components/org-questions-area';
import { QuestionSetsArea } from '@/features/question-sets/components/question-sets-area';
import { WebhooksArea } from '@/features/webhooks/components/webhooks-area';
import { useUser } from '@/lib/auth';

export function Component() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  const noOrg = user !== undefined && user !== null && user.organizations.length === 0;
  return (
    <>
      <title>{`${t('nav.hiring')} · goprep`}</title>
      <PageHeader title={t('nav.hiring')} lead={t('hiring.lead')} />
      {noOrg ? (
        // Hiring happens inside an organization: offer to create one here instead of sending people to Account.
        <Card aria-labelledby="hiring-start-title" data-testid="hiring-start">
          <h2 id="hiring-start-title" className="card__title">
            {t('hiring.start.title')}
          </h2>
          <p className="muted">{t('hiring.start.lead')}</p>
          <CreateOrgForm />
          <p className="muted small">{t('hiring.start.joinHint')}</p>
        </Card>
      ) : (
        <div className="stack">
          <OrgQuestionsArea />
          <QuestionSetsArea />
          <WebhooksArea />
        </div>
      )}
    </>
  );
}
