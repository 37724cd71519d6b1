/** File-level Axeptio ties of a configuration, collection or documentation file (axept.io host, AXEPTIO_* names). */
import type { Evidence, FileEvidenceFact } from '../../facts/types.js';

/** A FileEvidenceFact when the file or its path mentions Axeptio, else undefined. */
export function axeptioFileEvidence(path: string, text: string): FileEvidenceFact | undefined {
  const evidence: Evidence[] = [];
  const host = /\b[\w.-]*axept\.io\b/i.exec(text);
  if (host) evidence.push({ weight: 'strong', text: `mentions host ${host[0].toLowerCase()}` });
  const env = /\bAXEPTIO_[A-Z0-9_]+\b/.exec(text);
  if (env) evidence.push({ weight: 'strong', text: `names ${env[0]}` });
  if (!host && !env && /axeptio/i.test(text)) evidence.push({ weight: 'strong', text: 'mentions Axeptio' });
  if (/axept/i.test(path)) evidence.push({ weight: 'strong', text: `Axeptio-named path ${path}` });
  return evidence.length ? { kind: 'file-evidence', evidence } : undefined;
}

