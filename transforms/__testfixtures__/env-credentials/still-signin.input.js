export async function login() {
  const res = await fetch('https://api.axept.io/v1/auth/local/signin', {
    method: 'POST',
    body: JSON.stringify({ username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD }),
  });
  return (await res.json()).token;
}
