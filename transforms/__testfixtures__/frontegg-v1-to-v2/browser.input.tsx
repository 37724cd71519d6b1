import { useEffect, useState } from 'react';

export function useAxeptioToken() {
  const [token, setToken] = useState<string>();
  useEffect(() => {
    fetch('https://axeptio.frontegg.com/identity/resources/auth/v1/api-token', {
      method: 'POST',
      body: JSON.stringify({ clientId: 'x', secret: 'y' }),
    })
      .then((r) => r.json())
      .then((body) => setToken(body.accessToken));
  }, []);
  return token;
}
