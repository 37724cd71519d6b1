import { axeptioFetch } from './axeptio-token.mjs';

const AXEPTIO_API = 'https://api.axept.io/v1';

export async function cookies(projectId) {
  const res = await axeptioFetch(`${AXEPTIO_API}/projects/${projectId}/cookies`);
  return res.json();
}

export async function publish(projectId, body) {
  const res = await axeptioFetch(`${AXEPTIO_API}/projects/${projectId}/publish`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.ok;
}
