import { readConfig } from './config.js';
import { getAxeptioAccessToken } from './axeptio-token.js';

const config = readConfig();

export function fetchAxeptioToken() {
  return getAxeptioAccessToken();
}
