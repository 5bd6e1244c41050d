import { Initial1763701200000 } from './1763701200000-Initial';

/** Every migration, oldest first. A schema change adds a file here; none is ever edited. */
export const MIGRATIONS = [Initial1763701200000];
