import { Initial1795316939837 } from './1795316939837-initial';

/** Every migration in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [Initial1795316939837];
