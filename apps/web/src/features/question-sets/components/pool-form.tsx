import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useBankTopics } from '../api/get-bank';
import { newKey, parseNumber, type PoolItemForm } from '../utils/draft-form';
import { POOL_TYPES } from './items-editor';
import { topicLabel, typeLabel } from './labels';

/** "3 questions from gc-tuning, difficulty 3-5, not tagged basic": adds a random pool to the draft. */
export function PoolForm({ disabled, onAdd }: { disabled: boolean; onAdd: (pool: PoolItemForm) => void }) {
  const { t } = useTranslation();
  const topics = useBankTopics();
  const [topic, setTopic] = useState('');
  const [count, setCount] = useState('3');
  const [min, setMin] = useState(1);
  const [max, setMax] = useState(5);
  const [types, setTypes] = useState<string[]>([]);
  const [excludeTags, setExcludeTags] = useState('');
  const [points, setPoints] = useState('1');
  const [touched, setTouched] = useState(false);

  const chosenTopic = topic || topics.data?.[0]?.id || '';
  const countValue = parseNumber(count);
  const countError = !Number.isInteger(countValue) || countValue < 1 || countValue > 50 ? t('questionSets.errors.poolCount', { minCount: 1, maxCount: 50 }) : undefined;
  const rangeError = min > max ? t('questionSets.errors.poolDifficulty') : undefined;
  const pointsValue = parseNumber(points);
  const pointsError = !(pointsValue > 0 && pointsValue <= 1000) ? t('questionSets.errors.points', { minPoints: 0.01, maxPoints: 1000 }) : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (countError || rangeError || pointsError || !chosenTopic) return;
    onAdd({ key: newKey(), kind: 'pool', topic: chosenTopic, count, min, max, types, excludeTags, points });
    // Ready for the next pool of the same topic; the filters start afresh.
    setTouched(false);
    setCount('3');
    setTypes([]);
    setExcludeTags('');
  };

  return (
    <form className="qs-pool-form" onSubmit={onSubmit} aria-label={t('questionSets.pool.addTitle')} data-testid="pool-form" noValidate>
      <SelectField
        label={t('questionSets.bank.topic')}
        name="pool-topic"
        value={chosenTopic}
        onChange={(e) => setTopic(e.target.value)}
        options={(topics.data ?? []).map((x) => ({ value: x.id, label: `${topicLabel(t, x.id)} (${x.questionCount})` }))}
      />
      <TextField label={t('questionSets.pool.count')} name="pool-count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} error={touched ? countError : undefined} />
      <SelectField
        label={t('questionSets.pool.min')}
        name="pool-min"
        value={String(min)}
        onChange={(e) => setMin(Number(e.target.value))}
        options={[1, 2, 3, 4, 5].map((d) => ({ value: String(d), label: String(d) }))}
      />
      <SelectField
        label={t('questionSets.pool.max')}
        name="pool-max"
        value={String(max)}
        onChange={(e) => setMax(Number(e.target.value))}
        options={[1, 2, 3, 4, 5].map((d) => ({ value: String(d), label: String(d) }))}
      />
      <TextField label={t('questionSets.pool.excludeTags')} name="pool-exclude" hint={t('questionSets.pool.excludeHint')} value={excludeTags} onChange={(e) => setExcludeTags(e.target.value)} />
      <TextField label={t('questionSets.items.pointsEach')} name="pool-points" inputMode="decimal" value={points} onChange={(e) => setPoints(e.target.value)} error={touched ? pointsError : undefined} />
      <fieldset className="qs-types qs-span">
        <legend>{t('questionSets.pool.types')}</legend>
        {POOL_TYPES.map((type) => (
          <label key={type} className="qs-check">
            <input type="checkbox" name="pool-types" value={type} checked={types.includes(type)} onChange={(e) => setTypes((ts) => (e.target.checked ? [...ts, type] : ts.filter((x) => x !== type)))} />
            {typeLabel(t, type)}
          </label>
        ))}
        <span className="muted small">{t('questionSets.pool.typesHint')}</span>
      </fieldset>
      {touched && rangeError ? <p className="field__error qs-span">{rangeError}</p> : null}
      <div className="qs-span">
        <Button type="submit" variant="secondary" disabled={disabled} data-testid="add-pool">
          {t('questionSets.pool.add')}
        </Button>
      </div>
    </form>
  );
}
