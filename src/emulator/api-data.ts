/**
 * The API stand-in's data: a few projects with cookie configurations, enough for an ETL script to
 * page through. Deterministic so tests and demos see the same ids every run; mutable per emulator.
 */

export interface Project {
  id: string;
  name: string;
  websiteURL: string;
  createdAt: string;
}

export interface CookieConfig {
  id: string;
  projectId: string;
  name: string;
  language: string;
}

export interface ApiData {
  projects: Project[];
  cookies: CookieConfig[];
}

export const SEED_PROJECT_COUNT = 23;
const COOKIE_CONFIGS_PER_PROJECT = 3;
const LANGUAGES = ['en', 'fr', 'de'];

/** A fresh copy of the seed data (each emulator mutates its own). */
export function seedApiData(): ApiData {
  const projects: Project[] = [];
  const cookies: CookieConfig[] = [];
  for (let i = 1; i <= SEED_PROJECT_COUNT; i++) {
    const id = `proj_${String(i).padStart(3, '0')}`;
    projects.push({
      id,
      name: `Demo project ${i}`,
      websiteURL: `https://site-${i}.example.com`,
      createdAt: new Date(Date.UTC(2025, 0, i)).toISOString(),
    });
    for (let c = 0; c < COOKIE_CONFIGS_PER_PROJECT; c++) {
      cookies.push({ id: `${id}_cfg_${c + 1}`, projectId: id, name: `Consent banner ${c + 1}`, language: LANGUAGES[c % LANGUAGES.length]! });
    }
  }
  return { projects, cookies };
}

export interface Page<T> {
  data: T[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
  /** Path of the next page, or null on the last one: lets scripts loop without computing pages. */
  next: string | null;
}

const DEFAULT_PER_PAGE = 10;
const MAX_PER_PAGE = 100;

/** Slice `items` per the `page` / `perPage` query parameters (1-based pages). */
export function paginate<T>(items: readonly T[], query: URLSearchParams, path: string): Page<T> {
  const perPage = clampInt(query.get('perPage') ?? query.get('limit'), DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const page = clampInt(query.get('page'), 1, 1, Number.MAX_SAFE_INTEGER);
  const start = (page - 1) * perPage;
  const next = page < totalPages ? `${path}?page=${page + 1}&perPage=${perPage}` : null;
  return { data: items.slice(start, start + perPage), page, perPage, total: items.length, totalPages, next };
}

function clampInt(raw: string | null, fallback: number, min: number, max: number): number {
  const n = raw === null ? NaN : Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}
