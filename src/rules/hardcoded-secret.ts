/**
 * hardcoded-secret: a literal password, client secret, refresh token or JWT in source or
 * committed config. Values never reach a finding: the secret's span is masked in every excerpt.
 */
import type { ConfigEntryFact, Evidence, FileFacts, SecretFact, Span } from '../facts/types.js';
import type { RawFinding } from '../findings/types.js';
import { isAxeptioName, pathEvidence } from '../link/ties.js';
import type { LinkedProject } from '../link/types.js';
import { RULES } from './catalog.js';
import { redacted } from './redacted.js';
import { confidenceOf, evidenceTexts } from './confidence.js';
import { guidanceOnly } from './fix.js';
import { isSecretKey, isTestOrFixturePath } from './patterns.js';
import type { Rule } from './types.js';

const meta = RULES['hardcoded-secret'];

const KIND_LABEL: Record<SecretFact['secretKind'], string> = {
  password: 'password',
  'client-secret': 'client secret',
  'refresh-token': 'refresh token',
  'access-token': 'access token',
  jwt: 'JWT',
  'api-key': 'API key',
};

function fileAmbient(f: FileFacts): Evidence[] {
  const out = [...pathEvidence(f.file)];
  for (const fact of f.facts) if (fact.kind === 'file-evidence') out.push(...fact.evidence);
  return out;
}

function secretFinding(f: FileFacts, fact: SecretFact, ambient: Evidence[]): RawFinding {
  const evidence = [...fact.evidence];
  if (isAxeptioName(fact.boundTo)) evidence.push({ weight: 'strong', text: `bound to ${fact.boundTo}` });
  const message = `Hard-coded ${KIND_LABEL[fact.secretKind]} assigned to ${fact.boundTo} (value redacted): revoke it and read it from the environment or a secret store.`;
  return { ...finding(f, fact.span, evidence, ambient, message), redactSpans: [fact.span] };
}

function configFinding(f: FileFacts, fact: ConfigEntryFact, ambient: Evidence[]): RawFinding {
  const evidence: Evidence[] = [{ weight: 'weak', text: `literal value for ${fact.key} in committed ${fact.format}` }];
  if (isAxeptioName(fact.key)) evidence.push({ weight: 'strong', text: `config key ${fact.key}` });
  const message = `${fact.format} key ${fact.key} holds a literal secret (value redacted): move it to a secret store and reference it.`;
  return finding(f, fact.span, evidence, ambient, message);
}

/** The finding both sources share; confidence is high with an Axeptio tie, low in tests and fixtures, medium otherwise. */
function finding(f: FileFacts, span: Span, evidence: Evidence[], ambient: Evidence[], message: string): RawFinding {
  if (isTestOrFixturePath(f.file)) evidence.push({ weight: 'contrary', text: 'in a test or fixture file' });
  return {
    ruleId: meta.id,
    severity: meta.defaultSeverity,
    confidence: confidenceOf(evidence, ambient),
    file: f.file,
    span,
    message: redacted(message),
    evidence: evidenceTexts(evidence, ambient),
    fix: guidanceOnly(meta.help),
  };
}

/** The hardcoded-secret rule. */
export const hardcodedSecret: Rule = {
  meta,
  detect(project: LinkedProject): RawFinding[] {
    const out: RawFinding[] = [];
    for (const f of project.files) {
      const ambient = fileAmbient(f);
      const secretLines = new Set<number>();
      const secretKeys = new Set<string>();
      for (const fact of f.facts) {
        if (fact.kind !== 'secret') continue;
        out.push(secretFinding(f, fact, ambient));
        secretLines.add(fact.span.line);
        secretKeys.add(fact.boundTo);
      }
      for (const fact of f.facts) {
        if (fact.kind !== 'config-entry' || fact.valueKind !== 'literal' || fact.template) continue;
        // The analyzer already described this value as a SecretFact: one finding per secret.
        // Key and value may sit on different lines (YAML, Postman JSON), so match the key too.
        if (!isSecretKey(fact.key) || secretLines.has(fact.span.line) || secretKeys.has(fact.key)) continue;
        out.push(configFinding(f, fact, ambient));
      }
    }
    return out;
  },
};
