import { AxeptioClient } from '@axeptio/sdk';

export const client = new AxeptioClient({
  clientId: process.env.AXEPTIO_CLIENT_ID ?? '',
  clientSecret: process.env["AXEPTIO_CLIENT_SECRET"] ?? '',
  apiUrl: process.env.AXEPTIO_API_URL,
});
