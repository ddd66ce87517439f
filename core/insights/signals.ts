// What Outlet learns from a person's own check-ins, on their device: when to gently mention that more
// support exists (its rule is in ./support.ts, re-exported here). What helps each person is learned by
// the picker (core/learning), from running totals rather than from the history.

import type { SupportCheckIn } from './support';

export type { Helped } from './support';
export {
  readSupport,
  type SupportReading,
  type SupportReason,
  type SupportSignal,
  type SupportState,
  supportSignal,
} from './support';

export interface CheckInLike extends SupportCheckIn {
  outletId: string | null;
}
