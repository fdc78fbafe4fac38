import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { catalog } from '../packages/core/src/messages/index.ts';
import { cssOnce } from '../web/adapter/manifest-css-once.ts';
import { CORE_SOURCE, markPureCalls } from '../web/adapter/pure-calls.ts';
import { isSearchEngine, REMOTE_ONLY_ENGINE } from '../web/adapter/remote-search-only.ts';
import { SIDE_EFFECT_FREE } from '../web/adapter/side-effect-free.ts';
import { messagesModule, usedKeys } from '../web/adapter/used-messages.ts';

/**
 * Bundles each Lambda into one minified ESM file under dist/lambda/<name>/index.mjs,
 * AWS SDK included (pinned versions, no dependence on the runtime's copy).
 * infra/ deploys exactly these files; `npm run bench` reports their sizes.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const lambdas = {
  api: path.join(root, 'functions/src/api/lambda.ts'),
  // Payment providers' webhooks (Stripe's): the order code they need stays out of the API.
  payments: path.join(root, 'functions/src/payments/lambda.ts'),
  // The table's stream consumer (projections).
  events: path.join(root, 'functions/src/events/lambda.ts'),
  // Uploaded photos → WebP variants (S3 event). Carries sharp's linux-arm64 binary beside it, and only it does.
  image: path.join(root, 'functions/src/images/lambda.ts'),
  // Scheduled work: unpaid orders expire (EventBridge, every 15 minutes).
  jobs: path.join(root, 'functions/src/jobs/lambda.ts'),
  // Search (Lambda Invoke from web and api) and its snapshot compaction (EventBridge). The only one with MiniSearch.
  search: path.join(root, 'functions/src/search/lambda.ts'),
  // Secrets Manager's rotation function for the origin secret.
  rotate: path.join(root, 'functions/src/rotate/lambda.ts'),
  // The Astro server build (run `astro build` first), already self-contained.
  web: path.join(root, 'web/dist/server/entry.mjs'),
} as const;

export const lambdaDist = path.join(root, 'dist/lambda');
export const lambdaMeta = path.join(root, 'dist/lambda-meta');

/**
 * zod re-exports all ~40 of its message locales as one namespace, which no
 * bundler can tree-shake (260 KB minified). Bursa writes its own messages and
 * zod itself only loads English, so the namespace gets English alone.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/]/.test(args.importer)
        ? { path: path.join(path.dirname(args.importer), '../locales/en.js') }
        : undefined,
    );
  },
};

/**
 * dynamodb-toolbox's modules are side-effect free but its package does not say
 * so: declare it, so only the commands Bursa uses are bundled (web/adapter/side-effect-free.ts
 * does the same for the web's Vite build).
 */
const sideEffectFree: Plugin = {
  name: 'side-effect-free',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.sideEffectFree) return undefined;
      if (args.path !== 'dynamodb-toolbox' && !SIDE_EFFECT_FREE.test(args.importer)) return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { sideEffectFree: true },
      });
      return resolved.errors.length ? undefined : { ...resolved, sideEffects: false };
    });
  },
};

/** Core's use cases and schemas marked pure, so a bundle keeps only those it uses (web/adapter/pure-calls.ts). */
const pureCalls: Plugin = {
  name: 'pure-calls',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/]core[\\/]src[\\/].*\.ts$/ }, (args) =>
      CORE_SOURCE.test(args.path)
        ? { contents: markPureCalls(readFileSync(args.path, 'utf8'), args.path), loader: 'ts' }
        : undefined,
    );
  },
};

/**
 * DynamoDB goes through Bursa's own client (packages/core/src/db/dynamo-http.ts); the command
 * classes dynamodb-toolbox imports from @aws-sdk/lib-dynamodb are swapped for plain ones
 * (db/lib-dynamodb-lite.ts), so the SDK's DynamoDB client stays out of every bundle.
 */
export const LIB_DYNAMODB_LITE = path.join(root, 'packages/core/src/db/lib-dynamodb-lite.ts');
const libDynamodbLite: Plugin = {
  name: 'lib-dynamodb-lite',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/lib-dynamodb$/ }, () => ({ path: LIB_DYNAMODB_LITE }));
  },
};

/** In Lambda, credentials come from the environment only: see packages/core/src/db/lambda-credentials.ts. */
export const LAMBDA_CREDENTIALS = path.join(root, 'packages/core/src/db/lambda-credentials.ts');
const lambdaCredentials: Plugin = {
  name: 'lambda-credentials',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({ path: LAMBDA_CREDENTIALS }));
  },
};

/**
 * The web bundle's Astro manifest with each inline CSS rule stored once, not once per
 * route (web/adapter/manifest-css-once.ts). Counts the files it rewrote: exactly one
 * must hold the manifest, or a newer Astro has changed its shape and the build says so.
 */
function manifestCssOnce(rewritten: string[]): Plugin {
  return {
    name: 'manifest-css-once',
    setup(b) {
      b.onLoad({ filter: /web[\\/]dist[\\/]server[\\/].*\.mjs$/ }, (args) => {
        const out = cssOnce(readFileSync(args.path, 'utf8'));
        if (out === undefined) return undefined;
        rewritten.push(args.path);
        return { contents: out, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/** The API asks the search function, never searches itself: core's engine is swapped out (web/adapter/remote-search-only.ts). */
const remoteSearchOnly: Plugin = {
  name: 'remote-search-only',
  setup(b) {
    b.onResolve({ filter: /^\.\/search\.engine\.ts$/ }, (args) =>
      isSearchEngine(args.path, args.importer) ? { path: REMOTE_ONLY_ENGINE } : undefined,
    );
  },
};

/** Core's messages files: each concept's texts (`vacancy/vacancy.messages.ts`) and the kernel's. */
const MESSAGES_FILE = /[\\/]packages[\\/]core[\\/]src[\\/][a-z-]+[\\/](?:[a-z-]+\.)?messages\.ts$/;

/** Each messages file with only the keys in `keep` (web/adapter/used-messages.ts): none on the first pass. */
function onlyMessages(keep: Set<string>): Plugin {
  return {
    name: 'only-messages',
    setup(b) {
      b.onLoad({ filter: MESSAGES_FILE }, async (args) => ({
        contents: messagesModule(await import(pathToFileURL(args.path).href), keep),
        loader: 'js',
      }));
    },
  };
}

/** Packages left out of a bundle and shipped beside it, installed for Lambda's platform (linux, arm64). */
const NATIVE: Partial<Record<keyof typeof lambdas, string[]>> = { image: ['sharp'] };

/**
 * sharp's prebuilt libvips for Lambda's Graviton (linux-arm64, glibc), from
 * npm (no other download), at the version functions/ depends on. Installed
 * once into node_modules/.cache and copied next to the bundle.
 */
function installNativeFor(name: keyof typeof lambdas, outdir: string) {
  for (const pkg of NATIVE[name] ?? []) {
    const version = JSON.parse(readFileSync(path.join(root, 'functions/package.json'), 'utf8')).dependencies[pkg];
    const cache = path.join(root, 'node_modules/.cache', `bursa-${pkg}-linux-arm64-${version}`);
    if (!existsSync(path.join(cache, 'node_modules', pkg, 'package.json'))) {
      rmSync(cache, { recursive: true, force: true });
      mkdirSync(cache, { recursive: true });
      execFileSync(
        'npm',
        [
          'install',
          '--prefix',
          cache,
          '--no-save',
          '--no-package-lock',
          '--no-audit',
          '--no-fund',
          '--os=linux',
          '--cpu=arm64',
          '--libc=glibc',
          `${pkg}@${version}`,
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
    }
    cpSync(path.join(cache, 'node_modules'), path.join(outdir, 'node_modules'), { recursive: true, dereference: true });
  }
}

export async function bundleLambdas(): Promise<{ name: string; bytes: number; gzipBytes: number }[]> {
  const sizes = [];
  for (const [name, entry] of Object.entries(lambdas) as [keyof typeof lambdas, string][]) {
    const outdir = path.join(lambdaDist, name);
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    const outfile = path.join(outdir, 'index.mjs');
    const rewritten: string[] = [];
    const options = {
      entryPoints: [entry],
      metafile: true,
      outfile,
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      sourcemap: false,
      legalComments: 'none',
      // Some CommonJS dependencies call require() for Node built-ins.
      banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
      // Prefer ESM builds: the AWS SDK and zod tree-shake far better than their CommonJS builds.
      mainFields: ['module', 'main'],
      external: NATIVE[name] ?? [],
      logLevel: 'warning',
    } satisfies BuildOptions;
    const plugins = [
      zodEnglishOnly,
      pureCalls,
      sideEffectFree,
      lambdaCredentials,
      libDynamodbLite,
      ...(name === 'web' ? [manifestCssOnce(rewritten)] : []),
      ...(name === 'api' ? [remoteSearchOnly] : []),
    ];
    // The functions' texts: only the keys the bundle can look up, found in a first pass without any (the web's
    // Astro build is already bundled and its pages show nearly every text).
    let keep: Set<string> | undefined;
    if (name !== 'web') {
      const first = await build({ ...options, write: false, plugins: [onlyMessages(new Set()), ...plugins] });
      keep = usedKeys(first.outputFiles.map((f) => f.text).join('\n'), Object.keys(catalog.id));
    }
    const result = await build({ ...options, plugins: keep ? [onlyMessages(keep), ...plugins] : plugins });
    if (name === 'web' && rewritten.length !== 1)
      throw new Error(`web bundle: expected one Astro manifest to store CSS once in, found ${rewritten.length}`);
    // What each bundle is made of, for `npm run bench` and for finding what to cut (not deployed).
    mkdirSync(lambdaMeta, { recursive: true });
    writeFileSync(path.join(lambdaMeta, `${name}.json`), JSON.stringify(result.metafile));
    if (keep) writeFileSync(path.join(lambdaMeta, `${name}.messages.json`), JSON.stringify([...keep].sort()));
    installNativeFor(name, outdir);
    sizes.push({ name, bytes: statSync(outfile).size, gzipBytes: gzipSync(readFileSync(outfile)).length });
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const s of await bundleLambdas()) {
    console.log(
      `lambda ${s.name.padEnd(8)} ${(s.bytes / 1024).toFixed(0).padStart(5)} KB minified, ${(s.gzipBytes / 1024).toFixed(0).padStart(4)} KB gzipped`,
    );
  }
}
