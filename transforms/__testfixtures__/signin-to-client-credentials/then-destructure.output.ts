import { getAxeptioAccessToken } from './axeptio-token';

export const fetchAxeptioToken = (): Promise<string> =>
  getAxeptioAccessToken();
