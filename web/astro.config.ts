import { fileURLToPath } from 'node:url';
import { defineConfig, passthroughImageService } from 'astro/config';
import bursaLambdaAdapter from './adapter/index.ts';
import { remoteSearchOnly } from './adapter/remote-search-only.ts';
import { sideEffectFree } from './adapter/side-effect-free.ts';
import { zodEnglishOnly } from './adapter/zod-english-only.ts';

// Canonical and Open Graph URLs come from SITE_URL at run time (core's loadConfig, read
// in src/lib/services.ts), so one build serves every stage.
export default defineConfig({
  output: 'server',
  adapter: bursaLambdaAdapter(),
  // No image service at run time: photos are resized on upload (the image function). The
  // endpoint Astro injects anyway answers 404 (src/endpoints/no-image.ts).
  image: {
    service: passthroughImageService(),
    endpoint: { route: '/_image', entrypoint: './src/endpoints/no-image.ts' },
  },
  // No `i18n` block: English pages are /en/<path> rewritten by src/middleware.ts to the
  // same page files with locals.locale = 'en' (Astro's i18n routing would want copies under src/pages/en).
  // security.checkOrigin stays on (the default for server output): it guards anonymous form posts.
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  // Bundle every dependency into the server build: the output then runs the same
  // from Lambda and from the local server, whatever node_modules holds around it.
  vite: {
    ssr: { noExternal: true },
    plugins: [zodEnglishOnly(), sideEffectFree(), remoteSearchOnly()],
    // In Lambda, credentials come from the environment only (packages/core/src/db/lambda-credentials.ts).
    resolve: {
      alias: {
        '@aws-sdk/credential-provider-node': fileURLToPath(
          new URL('../packages/core/src/db/lambda-credentials.ts', import.meta.url),
        ),
        // DynamoDB goes through Bursa's own client: toolbox's command classes without the SDK (scripts/bundle-functions.ts).
        '@aws-sdk/lib-dynamodb': fileURLToPath(
          new URL('../packages/core/src/db/lib-dynamodb-lite.ts', import.meta.url),
        ),
      },
    },
  },
});
