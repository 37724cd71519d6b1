/**
 * Confidence from evidence, in one place for every rule (CONTRACT.md):
 * high = tied to Axeptio; low = the evidence points elsewhere with no tie; medium otherwise.
 * The request's own evidence decides first; file/project-level (ambient) evidence only when the
 * request's own is silent, so an app that depends on `@axeptio/sdk` for its banner does not turn
 * its own `/auth/local/signin` route calls into Axeptio calls.
 */
import type { Evidence } from '../facts/types.js';
import type { Confidence } from '../findings/types.js';
import { redacted } from './redacted.js';
import { orderEvidence } from '../link/ties.js';

/** Confidence of a finding from its own evidence, then its ambient evidence. */
export function confidenceOf(own: readonly Evidence[], ambient: readonly Evidence[] = []): Confidence {
  if (own.some((e) => e.weight === 'strong')) return 'high';
  if (own.some((e) => e.weight === 'contrary')) return 'low';
  if (ambient.some((e) => e.weight === 'strong')) return 'high';
  if (ambient.some((e) => e.weight === 'contrary')) return 'low';
  return 'medium';
}

/** The evidence texts a finding lists: the ones that decided, strongest first, redacted. */
export function evidenceTexts(own: readonly Evidence[], ambient: readonly Evidence[] = []): string[] {
  const ownDecides = own.some((e) => e.weight !== 'weak');
  // Ambient evidence that did not decide would only distract (a package name on every finding).
  const shown = ownDecides ? own : [...own, ...ambient];
  return orderEvidence(shown).map((e) => redacted(e.text));
}
