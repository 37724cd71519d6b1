import type { Config } from './config.js';
import { getAxeptioAccessToken } from './axeptio-token.js';

export async function axeptioToken(config: Config): Promise<string> {
  return getAxeptioAccessToken();
}
