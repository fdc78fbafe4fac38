import type { AstroIntegration } from 'astro';

/**
 * Our own small Astro adapter (astro-sst does not build with Astro 7): the
 * server entrypoint renders Astro inside a Hono app, exported for Lambda with
 * hono/aws-lambda and as a plain fetch handler for the local server.
 * Static files in dist/client go to S3 behind CloudFront, not to Lambda.
 */
export default function bursaLambdaAdapter(): AstroIntegration {
  return {
    name: 'bursa-lambda',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'bursa-lambda',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./server.ts', import.meta.url),
          adapterFeatures: { buildOutput: 'server' },
          supportedAstroFeatures: {
            staticOutput: 'stable',
            serverOutput: 'stable',
            hybridOutput: 'stable',
            sharpImageService: 'unsupported',
          },
        });
      },
    },
  };
}
