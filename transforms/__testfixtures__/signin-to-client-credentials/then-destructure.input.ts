import axios from 'axios';

export const fetchAxeptioToken = (): Promise<string> =>
  axios
    .post<{ token: string }>(`${process.env.AXEPTIO_API_URL}/auth/local/signin`, {
      username: process.env.AXEPTIO_USERNAME,
      password: process.env.AXEPTIO_PASSWORD,
    })
    .then(({ data }) => data.token);
