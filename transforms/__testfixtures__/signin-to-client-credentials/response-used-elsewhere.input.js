import axios from 'axios';

export async function session() {
  const res = await axios.post('https://api.axept.io/v1/auth/local/signin', {
    username: process.env.AXEPTIO_USERNAME,
    password: process.env.AXEPTIO_PASSWORD,
  });
  console.log('signed in as', res.data.user.email, 'with password', 'p4ssw0rd-literal');
  return res.data.token;
}
