const state = { token: null, signedInAt: 0 };

export async function refreshAxeptioSession() {
  const res = await fetch('https://api.axept.io/v1/auth/local/signin', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username: process.env.AXEPTIO_USERNAME,
      password: process.env.AXEPTIO_PASSWORD,
    }),
  });
  if (res.status !== 200) throw new Error('sign-in refused');
  const data = await res.json();
  state.token = data.token;
  state.signedInAt = Date.now();
  console.log('token length', data.token.length);
}
