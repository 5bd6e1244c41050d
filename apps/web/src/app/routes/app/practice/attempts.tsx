import { useTranslation } from 'react-i18next';
import { PracticeTabs } from '@/components/layout/practice-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { AttemptHistoryView } from '@/features/quizzes/components/attempt-history';
import { PeerRoomHistory } from '@/features/rooms/components/peer-room-history';

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${t('quiz.history.title')} · goprep`}</title>
      <PracticeTabs />
      <PageHeader title={t('quiz.history.title')} lead={t('quiz.history.lead')} />
      <AttemptHistoryView />
      <PeerRoomHistory />
    </>
  );
}
