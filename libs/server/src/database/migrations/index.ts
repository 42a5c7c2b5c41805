import { Initial1795316939837 } from './1795316939837-initial';
import { ConnectorStore1795317899546 } from './1795317899546-connector-store';
import { PullSync1795318259765 } from './1795318259765-pull-sync';

/** Every migration in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [
  Initial1795316939837,
  ConnectorStore1795317899546,
  PullSync1795318259765,
];
