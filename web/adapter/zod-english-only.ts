import path from 'node:path';

/**
 * A Vite plugin: zod re-exports all ~40 of its message locales as one
 * namespace, which no bundler can tree-shake (~260 KB in the SSR bundle). Bursa
 * writes its own messages and zod loads only English, so the namespace gets
 * English alone. scripts/bundle-functions.ts does the same for esbuild.
 */
export function zodEnglishOnly() {
  return {
    name: 'zod-english-only',
    enforce: 'pre' as const,
    resolveId(source: string, importer: string | undefined) {
      if (source !== '../locales/index.js' || !importer) return null;
      if (!/[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/]/.test(importer)) return null;
      return path.join(path.dirname(importer), '../locales/en.js');
    },
  };
}
