import express from 'express';
import axios from 'axios';

export const app = express();

app.post('/auth/local/signin', (req, res) => {
  res.json({ token: 'session' });
});

export async function selfTest(baseUrl: string) {
  const { data } = await axios.post(`${baseUrl}/auth/local/signin`, { username: 'smoke', password: 'smoke' });
  return data.token;
}
