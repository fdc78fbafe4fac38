import { type Ctx, type FieldIssue, fieldIssues, isDomainError } from '@bursa/core/kernel';
import * as Outcome from '@bursa/core/outcome';

/** The dashboard's filters in the address (Indonesian names): /kantor?dari=2026-01&sampai=2026-12&kecamatan=…&program=…&angkatan=…&urut=hired&arah=desc. */
const PARAMS = {
  from: 'dari',
  to: 'sampai',
  districtCode: 'kecamatan',
  villageCode: 'kelurahan',
  fairId: 'bursa',
  programmeId: 'program',
  cohortId: 'angkatan',
  sort: 'urut',
  dir: 'arah',
} as const;
type Filter = Outcome.Dashboard['filter'];

export function dashboardInput(params: URLSearchParams): Outcome.DashboardQuery {
  return Object.fromEntries(
    Object.entries(PARAMS).flatMap(([key, name]) => {
      const v = params.get(name);
      return v ? [[key, v]] : [];
    }),
  ) as Outcome.DashboardQuery;
}

/** The address of the same view with some filters changed (sort links, downloads). */
export function dashboardHref(path: string, filter: Filter, change: Partial<Filter> = {}): string {
  const f = { ...filter, ...change } as Record<string, string | undefined>;
  const q = new URLSearchParams();
  for (const [key, name] of Object.entries(PARAMS)) {
    const v = f[key];
    if (v) q.set(name, v);
  }
  return `${path}?${q}`;
}

export type Loaded =
  | { view: Outcome.Dashboard; status: 200 }
  | { status: 400; issues: FieldIssue[] }
  | { status: 403 | 404 };

/** Runs the dashboard use case for a request: the page and both downloads read it the same way. */
export async function loadDashboard(ctx: Ctx, params: URLSearchParams): Promise<Loaded> {
  try {
    return { view: await Outcome.dashboard(ctx, dashboardInput(params)), status: 200 };
  } catch (e) {
    if (!isDomainError(e) || e.kind === 'unavailable') throw e;
    if (e.kind === 'forbidden' || e.kind === 'unauthenticated') return { status: 403 };
    if (e.kind === 'not_found') return { status: 404 };
    const issues = fieldIssues(e);
    return { status: 400, issues: issues.length ? issues : [{ path: '', code: e.code }] };
  }
}
