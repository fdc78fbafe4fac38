/**
 * A Vite plugin: dynamodb-toolbox's modules have no side effects worth
 * keeping, but its package does not say so (no `sideEffects: false`) and its
 * command classes run decorator helpers at load, so bundlers keep every
 * module the index re-exports. Declaring them side-effect free lets the
 * bundle keep only the commands Bursa uses (about 30 KB less).
 * scripts/bundle-functions.ts does the same for esbuild.
 */
export const SIDE_EFFECT_FREE = /[\\/]node_modules[\\/]dynamodb-toolbox[\\/]/;

export function sideEffectFree() {
  return {
    name: 'side-effect-free',
    enforce: 'pre' as const,
    async resolveId(
      this: { resolve: (s: string, i?: string, o?: object) => Promise<{ id: string } | null> },
      source: string,
      importer: string | undefined,
      options: object,
    ) {
      if (!(source === 'dynamodb-toolbox' || (importer && SIDE_EFFECT_FREE.test(importer)))) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !SIDE_EFFECT_FREE.test(resolved.id)) return null;
      return { ...resolved, moduleSideEffects: false };
    },
  };
}
