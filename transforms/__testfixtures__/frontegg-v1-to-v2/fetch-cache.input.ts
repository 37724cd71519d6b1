const FRONTEGG_URL = process.env.AXEPTIO_FRONTEGG_URL ?? 'https://axeptio.frontegg.com';

let cachedToken: string | undefined;
let expiresAt = 0;

export async function getToken(): Promise<string> {
  if (cachedToken && Date.now() < expiresAt) return cachedToken;
  const res = await fetch(`${FRONTEGG_URL}/identity/resources/auth/v1/api-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId: process.env.AXEPTIO_CLIENT_ID, secret: process.env.AXEPTIO_CLIENT_SECRET }),
  });
  if (!res.ok) throw new Error(`token exchange failed: ${res.status}`);
  const { accessToken, expiresIn } = await res.json();
  cachedToken = accessToken;
  expiresAt = Date.now() + expiresIn * 1000;
  return cachedToken;
}
