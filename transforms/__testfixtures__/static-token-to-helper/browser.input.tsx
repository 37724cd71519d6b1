import { useQuery } from '@tanstack/react-query';

export function useProjects() {
  return useQuery(['projects'], () =>
    fetch('https://api.axept.io/v1/projects', { headers: { Authorization: `Bearer ${process.env.NEXT_PUBLIC_AXEPTIO_TOKEN}` } }).then((r) => r.json()),
  );
}
