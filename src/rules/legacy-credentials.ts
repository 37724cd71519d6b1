/** legacy-credentials: an Axeptio username/password kept in configuration or read from the environment. */
import type { Evidence } from '../facts/types.js';
import type { FindingFix, RawFinding } from '../findings/types.js';
import type { LinkedProject } from '../link/types.js';
import { RULES } from './catalog.js';
import { redacted } from './redacted.js';
import { confidenceOf, evidenceTexts } from './confidence.js';
import { guidanceOnly } from './fix.js';
import { isAxeptioCredentialName } from './patterns.js';
import type { Rule } from './types.js';

const meta = RULES['legacy-credentials'];

const CONFIG_GUIDANCE =
  'Replace the Axeptio username/password with AXEPTIO_CLIENT_ID and AXEPTIO_CLIENT_SECRET (Axeptio administration → Settings → API Access), keep the secret in your secret store or CI secrets, then revoke the old password.';
const CODE_GUIDANCE =
  'Read AXEPTIO_CLIENT_ID/AXEPTIO_CLIENT_SECRET instead and get tokens from the generated helper (`axeptio-migrate fix` rewrites the sign-in call that uses these variables).';

/** The legacy-credentials rule. */
export const legacyCredentials: Rule = {
  meta,
  detect(project: LinkedProject): RawFinding[] {
    const out: RawFinding[] = [];
    for (const f of project.files) {
      for (const fact of f.facts) {
        let message: string;
        let fix: FindingFix;
        let evidence: Evidence[];
        if (fact.kind === 'env-read' && isAxeptioCredentialName(fact.name)) {
          message = `Reads ${fact.name}, a credential of Axeptio's retired username/password sign-in.`;
          evidence = [{ weight: 'strong', text: `env ${fact.name}` }];
          fix = guidanceOnly(CODE_GUIDANCE);
        } else if (fact.kind === 'config-entry' && isAxeptioCredentialName(fact.key)) {
          const state = fact.valueKind === 'literal' ? 'holds a value (not shown)' : fact.valueKind === 'reference' ? 'points to a stored secret' : 'is declared';
          message = `${fact.format} key ${fact.key} ${state}: an Axeptio username/password for the retired sign-in.`;
          evidence = [{ weight: 'strong', text: `config key ${fact.key}` }];
          fix = fact.template ? { available: true, transform: meta.transform! } : guidanceOnly(CONFIG_GUIDANCE);
        } else continue;
        out.push({
          ruleId: meta.id,
          severity: meta.defaultSeverity,
          confidence: confidenceOf(evidence),
          file: f.file,
          span: fact.span,
          message: redacted(message),
          evidence: evidenceTexts(evidence),
          fix,
        });
      }
    }
    return out;
  },
};
