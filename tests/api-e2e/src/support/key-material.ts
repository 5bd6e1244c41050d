/**
 * Field names that only exist in answer keys, review data and the interviewer's room panel
 * (`followUps`). A delivery response containing any of them (at any depth) leaks the key.
 */
export const KEY_FIELDS = ['answerKey', 'key', 'explanation', 'correct', 'feedback', 'outputs', 'lines', 'accepted', 'rubric', 'verify', 'tolerance', 'pattern', 'hiddenTests', 'solution', 'followUps', 'follow_ups'];

export function findKeyMaterial(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => findKeyMaterial(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(KEY_FIELDS.includes(k) ? [`${path}.${k}`] : []),
      ...findKeyMaterial(v, `${path}.${k}`),
    ]);
  }
  return [];
}
