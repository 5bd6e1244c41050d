export { difficultyLabel, difficultyTone, topicLabel, typeLabel } from '@/lib/labels';
