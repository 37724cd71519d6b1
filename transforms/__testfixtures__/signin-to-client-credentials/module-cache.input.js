import axios from 'axios';

const SIGNIN = `${process.env.AXEPTIO_API_URL}/auth/local/signin`;
let token;

async function getToken() {
  if (!token) {
    const res = await axios.post(SIGNIN, {
      username: process.env.AXEPTIO_USERNAME,
      password: process.env.AXEPTIO_PASSWORD,
    });
    token = res.data.token;
  }
  return token;
}

export async function cookies(projectId) {
  const { data } = await axios.get(`${process.env.AXEPTIO_API_URL}/projects/${projectId}/cookies`, {
    headers: { Authorization: `Bearer ${await getToken()}` },
  });
  return data;
}
