const AXEPTIO_API = 'https://api.axept.io/v1';

export async function cookies(projectId) {
  const res = await fetch(`${AXEPTIO_API}/projects/${projectId}/cookies`, {
    headers: { Authorization: `Bearer ${process.env.AXEPTIO_TOKEN}` },
  });
  return res.json();
}

export async function publish(projectId, body) {
  const res = await fetch(`${AXEPTIO_API}/projects/${projectId}/publish`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${process.env.AXEPTIO_TOKEN}` },
    body: JSON.stringify(body),
  });
  return res.ok;
}
