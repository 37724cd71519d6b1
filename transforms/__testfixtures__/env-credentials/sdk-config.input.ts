import { AxeptioClient } from '@axeptio/sdk';

export const client = new AxeptioClient({
  clientId: process.env.AXEPTIO_USERNAME ?? '',
  clientSecret: process.env["AXEPTIO_PASSWORD"] ?? '',
  apiUrl: process.env.AXEPTIO_API_URL,
});
