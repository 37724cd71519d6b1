// Axeptio export job: pulls the consent projects every night.
import { writeFile } from 'node:fs/promises';

const API_URL = process.env.AXEPTIO_API_URL ?? 'https://api.axept.io/v1';
const username = process.env.AXEPTIO_USERNAME;
const password = process.env.AXEPTIO_PASSWORD;

async function signIn() {
  const res = await fetch(`${API_URL}/auth/local/signin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) {
    throw new Error(`Axeptio sign-in failed: ${res.status}`);
  }
  const { token } = await res.json();
  return token;
}

export async function exportProjects() {
  const token = await signIn();
  const projects = await fetch(`${API_URL}/projects`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  await writeFile('projects.json', JSON.stringify(await projects.json(), null, 2));
}
