import axios from 'axios';

export async function axeptioSignIn() {
  return axios.post('https://api.axept.io/v1/auth/local/signin', {
    username: process.env.AXEPTIO_USERNAME,
    password: process.env.AXEPTIO_PASSWORD,
  });
}
