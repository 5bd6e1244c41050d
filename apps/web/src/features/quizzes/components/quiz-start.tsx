import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useQuizTopics } from '../api/get-topics';
import { useStartAttempt } from '../api/start-attempt';
import { MOCK_LEVELS, MOCK_TEMPLATES, type MockLevel, type MockTemplate, type StartAttemptInput, type TopicId } from '../types';
import { difficultyLabel, topicLabel } from './labels';

type Mode = 'quick' | 'mock';

const DIFFICULTIES = [1, 2, 3, 4, 5];

/** The problems of a quick-quiz form, by field, using the API's limits. */
export function quickProblems(input: { topics: string[]; min: number; max: number; count: string; minutes: string }) {
  const problems: Partial<Record<'topics' | 'difficulty' | 'count' | 'minutes', string>> = {};
  if (input.topics.length === 0) problems.topics = 'quiz.start.errors.topics';
  if (input.min > input.max) problems.difficulty = 'quiz.start.errors.difficulty';
  const count = Number(input.count);
  if (!Number.isInteger(count) || count < 1 || count > 50) problems.count = 'quiz.start.errors.count';
  const minutes = Number(input.minutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 180) problems.minutes = 'quiz.start.errors.minutes';
  return problems;
}

export function QuizStart() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const topics = useQuizTopics();
  const start = useStartAttempt();
  const [mode, setMode] = useState<Mode>('quick');
  const [selected, setSelected] = useState<string[]>([]);
  const [min, setMin] = useState(1);
  const [max, setMax] = useState(5);
  const [count, setCount] = useState('10');
  const [minutes, setMinutes] = useState('15');
  const [shuffle, setShuffle] = useState(true);
  const [withTasks, setWithTasks] = useState(false);
  const [template, setTemplate] = useState<MockTemplate>('backend');
  const [level, setLevel] = useState<MockLevel>('senior');
  const [touched, setTouched] = useState(false);

  const problems = quickProblems({ topics: selected, min, max, count, minutes });
  const shown = touched ? problems : {};

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    let body: StartAttemptInput;
    if (mode === 'quick') {
      if (Object.keys(problems).length > 0) return;
      body = {
        mode: 'quick',
        topics: selected as TopicId[],
        difficulty: { min, max },
        count: Number(count),
        timeLimitMinutes: Number(minutes),
        shuffleOptions: shuffle,
        ...(withTasks ? { includeCodeTasks: true } : {}),
      };
    } else {
      body = { mode: 'mock', template, level };
    }
    start.mutate(body, { onSuccess: (attempt) => void navigate(`/practice/attempts/${attempt.id}`) });
  };

  const startError = start.error
    ? isApiError(start.error, 'NOT_ENOUGH_QUESTIONS')
      ? t('quiz.start.errors.notEnough')
      : isApiError(start.error)
        ? start.error.message
        : t('errors.network')
    : null;

  return (
    <Card className="quiz-start">
      <form onSubmit={onSubmit} noValidate className="form" data-testid="quiz-start-form">
        <fieldset className="quiz-mode">
          <legend className="field__label">{t('quiz.start.mode')}</legend>
          {(['quick', 'mock'] as const).map((m) => (
            <label key={m} className={['quiz-mode__option', mode === m ? 'quiz-mode__option--checked' : ''].filter(Boolean).join(' ')}>
              <input type="radio" name="quiz-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`mode-${m}`} />
              <span>
                <strong>{t(`quiz.start.${m}.title`)}</strong>
                <span className="muted small">{t(`quiz.start.${m}.lead`)}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {mode === 'quick' ? (
          <>
            <fieldset className="quiz-topics" aria-describedby={shown.topics ? 'quiz-topics-error' : undefined}>
              <legend className="field__label">{t('quiz.start.topics')}</legend>
              {topics.isPending ? <Spinner label={t('common.loading')} /> : null}
              {topics.isError ? <Alert>{t('errors.loadFailed')}</Alert> : null}
              <div className="quiz-topics__grid">
                {topics.data?.map((topic) => (
                  <label key={topic.id} className="quiz-topic">
                    <input
                      type="checkbox"
                      value={topic.id}
                      checked={selected.includes(topic.id)}
                      data-testid={`topic-${topic.id}`}
                      onChange={(e) =>
                        setSelected((s) => (e.target.checked ? [...s, topic.id] : s.filter((x) => x !== topic.id)))
                      }
                    />
                    <span>{topicLabel(t, topic.id)}</span>
                    <span className="muted small">{topic.questionCount}</span>
                  </label>
                ))}
              </div>
              {shown.topics ? (
                <p id="quiz-topics-error" className="field__error">
                  {t(shown.topics)}
                </p>
              ) : null}
            </fieldset>
            <div className="quiz-start__grid">
              <SelectField
                label={t('quiz.start.minDifficulty')}
                value={String(min)}
                onChange={(e) => setMin(Number(e.target.value))}
                options={DIFFICULTIES.map((d) => ({ value: String(d), label: `${d} · ${difficultyLabel(t, d)}` }))}
                data-testid="difficulty-min"
              />
              <SelectField
                label={t('quiz.start.maxDifficulty')}
                value={String(max)}
                onChange={(e) => setMax(Number(e.target.value))}
                options={DIFFICULTIES.map((d) => ({ value: String(d), label: `${d} · ${difficultyLabel(t, d)}` }))}
                data-testid="difficulty-max"
              />
              <TextField
                label={t('quiz.start.count')}
                type="number"
                min={1}
                max={50}
                inputMode="numeric"
                value={count}
                onChange={(e) => setCount(e.target.value)}
                error={shown.count ? t(shown.count) : undefined}
                data-testid="count"
              />
              <TextField
                label={t('quiz.start.minutes')}
                type="number"
                min={1}
                max={180}
                inputMode="numeric"
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
                error={shown.minutes ? t(shown.minutes) : undefined}
                data-testid="minutes"
              />
            </div>
            {shown.difficulty ? <p className="field__error">{t(shown.difficulty)}</p> : null}
            <label className="quiz-check">
              <input type="checkbox" checked={shuffle} onChange={(e) => setShuffle(e.target.checked)} />
              {t('quiz.start.shuffle')}
            </label>
            <label className="quiz-check">
              <input type="checkbox" checked={withTasks} onChange={(e) => setWithTasks(e.target.checked)} data-testid="include-code-tasks" />
              {t('quiz.start.includeCodeTasks')}
            </label>
          </>
        ) : (
          <div className="quiz-start__grid">
            <SelectField
              label={t('quiz.start.template')}
              value={template}
              onChange={(e) => setTemplate(e.target.value as MockTemplate)}
              options={MOCK_TEMPLATES.map((id) => ({ value: id, label: t(`quiz.templates.${id}`) }))}
              data-testid="template"
            />
            <SelectField
              label={t('quiz.start.level')}
              value={level}
              onChange={(e) => setLevel(e.target.value as MockLevel)}
              options={MOCK_LEVELS.map((id) => ({ value: id, label: t(`quiz.levels.${id}`) }))}
              data-testid="level"
            />
          </div>
        )}

        <Alert>{startError}</Alert>
        <div className="form__footer">
          <Button type="submit" loading={start.isPending} data-testid="start-quiz">
            {t('quiz.start.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
