import nock from 'nock';
import request from 'supertest';
import { app } from '../src/app';

// The app's own login route, and a mock of the Axeptio API in the same test file.
it('signs in', async () => {
  nock('https://api.axept.io').post('/v1/auth/local/signin').reply(200, { token: 'x' });
  const res = await request(app).post('/auth/local/signin').send({ username: 'a', password: 'b' });
  expect(res.status).toBe(200);
});
