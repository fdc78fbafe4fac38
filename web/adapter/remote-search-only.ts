import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The web and API functions always ask the search function (SEARCH_FUNCTION_NAME, set by
 * infra and by `npm start`), so their builds swap core's in-process engine
 * (search.engine.ts: MiniSearch, the stemmer, the index and snapshot code) for
 * search.engine.remote-only.ts, which only refuses. This Vite plugin does it for the
 * web's Astro build; scripts/bundle-functions.ts does the same for the API's esbuild.
 * Tests and scripts run core directly and keep the engine.
 */
const searchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/core/src/search');
export const REMOTE_ONLY_ENGINE = path.join(searchDir, 'search.engine.remote-only.ts');

/** Whether `source`, imported by `importer`, is core's in-process search engine (other than from its stand-in). */
export const isSearchEngine = (source: string, importer: string | undefined) =>
  source === './search.engine.ts' &&
  importer !== undefined &&
  path.dirname(importer) === searchDir &&
  importer !== REMOTE_ONLY_ENGINE;

export function remoteSearchOnly() {
  return {
    name: 'remote-search-only',
    enforce: 'pre' as const,
    // The build only: `astro dev` may run without the search function and search in its own process.
    apply: 'build' as const,
    resolveId(source: string, importer: string | undefined) {
      return isSearchEngine(source, importer) ? REMOTE_ONLY_ENGINE : null;
    },
  };
}
