/** legacy-signin-reference: documentation (Markdown, OpenAPI, comments) that tells readers to use the old flow. */
import type { RawFinding } from '../findings/types.js';
import type { LinkedProject } from '../link/types.js';
import { RULES } from './catalog.js';
import { redacted } from './redacted.js';
import { confidenceOf, evidenceTexts } from './confidence.js';
import { guidanceOnly } from './fix.js';
import type { Rule } from './types.js';

const meta = RULES['legacy-signin-reference'];

/** The legacy-signin-reference rule. */
export const legacySigninReference: Rule = {
  meta,
  detect(project: LinkedProject): RawFinding[] {
    const out: RawFinding[] = [];
    for (const f of project.files) {
      for (const fact of f.facts) {
        if (fact.kind !== 'doc-reference') continue;
        const summary = fact.summary.length > 160 ? `${fact.summary.slice(0, 157)}...` : fact.summary;
        out.push({
          ruleId: meta.id,
          severity: meta.defaultSeverity,
          confidence: confidenceOf(fact.evidence),
          file: f.file,
          span: fact.span,
          message: redacted(`Documentation describes the retired sign-in flow ("${summary}"); readers following it will get rejected tokens.`),
          evidence: evidenceTexts(fact.evidence),
          fix: guidanceOnly(meta.help),
        });
      }
    }
    return out;
  },
};
