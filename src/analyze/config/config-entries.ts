/**
 * One configuration key/value → facts: a ConfigEntryFact for legacy Axeptio credential keys
 * (username, password, static token) and a SecretFact (span of the value only) for literal secrets.
 * The value itself never leaves this function.
 */
import type { ConfigEntryFact, Evidence, Fact, SecretFact, Span } from '../../facts/types.js';
import { credentialRole, isLegacyCredentialRole, keyTiedToAxeptio, looksLikeJwt, secretKindFor } from './credential-keys.js';
import { valueKindOf, type ValueKind } from './value-kind.js';

export interface ConfigEntryInput {
  /** Dotted key path as written (`services.api.environment.AXEPTIO_PASSWORD`, `axeptio.password`). */
  keyPath: string;
  /** From the key to the end of the value. */
  span: Span;
  /** Raw value without quotes; null when the key has no value. */
  value: string | null | undefined;
  valueSpan?: Span;
  /** Forced kind (e.g. `valueFrom.secretKeyRef` → 'reference'). */
  valueKind?: ValueKind;
  format: string;
  template: boolean;
  /** The file or the enclosing section is about Axeptio even if the key is not (`axeptio:` block, Axeptio collection). */
  axeptioContext: boolean;
}

/** Facts for one key: nothing for keys that hold no credential. */
export function configEntryFacts(input: ConfigEntryInput): Fact[] {
  const role = credentialRole(input.keyPath);
  const value = input.value ?? null;
  const jwt = value !== null && looksLikeJwt(value);
  if (!role && !jwt) return [];
  const tied = keyTiedToAxeptio(input.keyPath) || input.axeptioContext;
  const valueKind = input.valueKind ?? valueKindOf(value);
  const facts: Fact[] = [];
  if (isLegacyCredentialRole(role) && tied) {
    const entry: ConfigEntryFact = {
      kind: 'config-entry',
      span: input.span,
      key: input.keyPath,
      valueKind,
      template: input.template,
      format: input.format,
    };
    facts.push(entry);
  }
  const secretKind = valueKind === 'literal' && value !== null ? secretKindFor(role, value) : undefined;
  if (secretKind && input.valueSpan && isPlausibleSecret(secretKind, value!)) {
    const secret: SecretFact = {
      kind: 'secret',
      span: input.valueSpan,
      secretKind,
      boundTo: input.keyPath,
      evidence: tieEvidence(input.keyPath, input.axeptioContext),
    };
    facts.push(secret);
  }
  return facts;
}

/** Tokens and keys are long; a 4-character "token" is a count or a flag, not a credential. */
function isPlausibleSecret(kind: SecretFact['secretKind'], value: string): boolean {
  const v = value.trim();
  if (kind === 'password') return v.length >= 3;
  if (kind === 'jwt') return true;
  return v.length >= 12 && !/\s/.test(v);
}

/** Evidence that a key is about Axeptio. */
function tieEvidence(keyPath: string, context: boolean): Evidence[] {
  if (keyTiedToAxeptio(keyPath)) return [{ weight: 'strong', text: `Axeptio-named key ${keyPath}` }];
  if (context) return [{ weight: 'strong', text: `in an Axeptio section or file` }];
  return [];
}
