import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { DECK_PAGE, useDeck } from '../api/get-deck';
import { useUnsuspendCard } from '../api/unsuspend-card';
import { topicLabel } from './labels';

/** The learner's suspended cards (leeches first) with a button each to take them back. */
export function SuspendedCards() {
  const { t } = useTranslation();
  const deck = useDeck('suspended');
  const cards = deck.data?.pages.flatMap((p) => p.cards) ?? [];
  const total = deck.data?.pages.at(-1)?.total ?? 0;
  const unsuspend = useUnsuspendCard();
  const [message, setMessage] = useState('');
  const take = (questionId: string, title: string) => {
    setMessage('');
    unsuspend.mutate(questionId, { onSuccess: () => setMessage(t('drillsDashboard.suspended.unsuspended', { title })) });
  };
  return (
    <>
      <p className="drills-dash__status small" role="status" data-testid="unsuspend-status">
        {message}
      </p>
      {unsuspend.error ? <Alert>{isApiError(unsuspend.error) ? unsuspend.error.message : t('drillsDashboard.error')}</Alert> : null}
      {deck.isPending ? <Spinner label={t('drillsDashboard.loading')} /> : null}
      {deck.data && cards.length === 0 ? (
        <p className="muted" data-testid="suspended-empty">
          {t('drillsDashboard.suspended.empty')}
        </p>
      ) : null}
      {cards.length > 0 ? (
        <ul className="suspended-list" data-testid="suspended-list">
          {cards.map((card) => (
            <li key={card.questionId} className="suspended-list__item" data-testid="suspended-card" data-question={card.questionId}>
              <div className="suspended-list__text">
                <span className="suspended-list__title">{card.title}</span>
                <span className="muted small">
                  {topicLabel(t, card.topic)} · {t('drillsDashboard.suspended.lapses', { count: card.lapses })}
                </span>
              </div>
              {card.leech ? <Badge tone="hard">{t('drillsDashboard.suspended.leech')}</Badge> : null}
              <Button
                variant="secondary"
                size="sm"
                onClick={() => take(card.questionId, card.title)}
                loading={unsuspend.isPending && unsuspend.variables === card.questionId}
                aria-label={t('drillsDashboard.suspended.unsuspendLabel', { title: card.title })}
                data-testid="unsuspend"
              >
                {t('drillsDashboard.suspended.unsuspend')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {deck.hasNextPage ? (
        <div className="suspended-more">
          <span className="muted small" data-testid="suspended-shown">
            {t('drillsDashboard.suspended.shown', { shown: cards.length, total })}
          </span>
          <Button variant="secondary" size="sm" onClick={() => void deck.fetchNextPage()} loading={deck.isFetchingNextPage} data-testid="suspended-more">
            {t('drillsDashboard.suspended.more', { count: Math.min(DECK_PAGE, total - cards.length) })}
          </Button>
        </div>
      ) : null}
    </>
  );
}
