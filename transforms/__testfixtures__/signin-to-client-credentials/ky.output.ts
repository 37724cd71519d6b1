import { getAxeptioAccessToken } from "./axeptio-token";

export const signIn = async (): Promise<string> => {
  return getAxeptioAccessToken();
};
