'use client';

export async function connectAxeptio(): Promise<string> {
  const res = await fetch('https://api.axept.io/v1/auth/local/signin', {
    method: 'POST',
    body: JSON.stringify({ username: 'shop@example.com', password: window.prompt('Axeptio password') }),
  });
  return (await res.json()).token;
}
