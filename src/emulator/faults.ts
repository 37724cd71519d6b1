/** Injected misbehaviour of the token routes, consumed one request at a time. */
import type { FaultPlan } from './types.js';

export type TokenFault =
  | { kind: 'none' }
  | { kind: 'fail'; status: number; retryAfterSeconds?: number }
  | { kind: 'hang'; ms: number };

export class FaultState {
  private failRemaining = 0;
  private failStatus = 503;
  private retryAfterSeconds: number | undefined;
  private hangRemaining = 0;
  private hangMs = 0;
  refuseRefresh = false;

  /** Merge a plan: named counters are replaced, others kept. Revocations are handled by the caller. */
  apply(plan: FaultPlan): void {
    if (plan.failNext) {
      this.failRemaining = plan.failNext.count;
      this.failStatus = plan.failNext.status;
      this.retryAfterSeconds = plan.failNext.retryAfterSeconds;
    }
    if (plan.hangNext) {
      this.hangRemaining = plan.hangNext.count;
      this.hangMs = plan.hangNext.ms;
    }
    if (plan.refuseRefresh !== undefined) this.refuseRefresh = plan.refuseRefresh;
  }

  /** The fault for the next token request; hangs are served before failures. */
  next(): TokenFault {
    if (this.hangRemaining > 0) {
      this.hangRemaining--;
      return { kind: 'hang', ms: this.hangMs };
    }
    if (this.failRemaining > 0) {
      this.failRemaining--;
      return { kind: 'fail', status: this.failStatus, retryAfterSeconds: this.retryAfterSeconds };
    }
    return { kind: 'none' };
  }
}
