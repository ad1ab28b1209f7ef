import { defineOnce } from '../element';
import { StatusBadge } from './status-badge';

defineOnce('status-badge', StatusBadge);

export { StatusBadge };
