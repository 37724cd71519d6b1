import { useQuery } from '@tanstack/react-query';
import { axeptioFetch } from './axeptio-token';

export function useProjects() {
  return useQuery(['projects'], () =>
    axeptioFetch('https://api.axept.io/v1/projects').then((r) => r.json()),
  );
}
