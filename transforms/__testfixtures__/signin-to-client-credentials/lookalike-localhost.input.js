export async function loginToBackend(username, password) {
  const res = await fetch('http://localhost:1337/auth/local/signin', {
    method: 'POST',
    body: JSON.stringify({ username, password }),
  });
  const { token } = await res.json();
  return token;
}
