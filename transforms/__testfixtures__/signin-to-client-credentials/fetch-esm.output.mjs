// Axeptio export job: pulls the consent projects every night.
import { writeFile } from 'node:fs/promises';
import { getAxeptioAccessToken } from './axeptio-token.mjs';

const API_URL = process.env.AXEPTIO_API_URL ?? 'https://api.axept.io/v1';

export async function exportProjects() {
  const token = await getAxeptioAccessToken();
  const projects = await fetch(`${API_URL}/projects`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  await writeFile('projects.json', JSON.stringify(await projects.json(), null, 2));
}
