import { useTranslation } from 'react-i18next';
import type { DeliveryItem } from './types';

type Props = {
  items: DeliveryItem[];
  current: number;
  answered: (position: number) => boolean;
  flagged: (position: number) => boolean;
  onGo: (index: number) => void;
};

/** Numbered buttons for every item: answered ones filled, flagged ones marked, the current one outlined. */
export function QuestionNavigator({ items, current, answered, flagged, onGo }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="quiz-nav" aria-label={t('quiz.runner.navigator')}>
      <ol className="quiz-nav__list">
        {items.map((item, index) => {
          const isAnswered = answered(item.position);
          const isFlagged = flagged(item.position);
          const state = [isAnswered ? t('quiz.runner.stateAnswered') : t('quiz.runner.stateUnanswered'), isFlagged ? t('quiz.runner.stateFlagged') : '']
            .filter(Boolean)
            .join(', ');
          return (
            <li key={item.position}>
              <button
                type="button"
                className={[
                  'quiz-nav__item',
                  isAnswered ? 'quiz-nav__item--answered' : '',
                  isFlagged ? 'quiz-nav__item--flagged' : '',
                  index === current ? 'quiz-nav__item--current' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                aria-current={index === current ? 'step' : undefined}
                aria-label={t('quiz.runner.navItem', { n: index + 1, state })}
                data-testid={`nav-item-${index + 1}`}
                data-answered={isAnswered}
                data-flagged={isFlagged}
                onClick={() => onGo(index)}
              >
                {index + 1}
                {isFlagged ? (
                  <span className="quiz-nav__flag" aria-hidden="true">
                    ⚑
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="quiz-nav__legend muted small" aria-hidden="true">
        <span>
          <span className="quiz-nav__swatch quiz-nav__swatch--answered" /> {t('quiz.runner.stateAnswered')}
        </span>
        <span>
          <span className="quiz-nav__swatch" /> {t('quiz.runner.stateUnanswered')}
        </span>
        <span>⚑ {t('quiz.runner.stateFlagged')}</span>
      </p>
    </nav>
  );
}
