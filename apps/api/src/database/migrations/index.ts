import { Initial1763701200000 } from './1763701200000-Initial';
import { QuestionVerification1763800000000 } from './1763800000000-QuestionVerification';
import { Attempts1763900000000 } from './1763900000000-Attempts';

/** Every migration, oldest first. A schema change adds a file here; none is ever edited. */
export const MIGRATIONS = [Initial1763701200000, QuestionVerification1763800000000, Attempts1763900000000];
