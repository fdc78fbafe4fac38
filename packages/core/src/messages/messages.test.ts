import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../audit/audit.entity.ts';
import { catalog, isMessageKey, translate } from './index.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|astro)$/.test(name) && !name.endsWith('.messages.ts') && name !== 'messages.test.ts') yield full;
  }
}

// Every dotted code starts with one of these (a concept, or the kernel's request/route).
const prefixes = new Set(Object.keys(catalog.id).map((k) => k.split('.')[0]));

describe('messages', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.id).sort());
    for (const [key, text] of Object.entries(catalog.id)) {
      const en = (catalog.en as Record<string, string>)[key] ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(text));
    }
  });

  it('has a text for every code and message key used anywhere in the code', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const root of ['packages/core/src', 'packages/http/src', 'functions/src', 'web/src', 'web/adapter']) {
      for (const file of sourceFiles(path.join(repo, root))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/(\bt\(\s*)?['"`]([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)['"`]/g)) {
          const key = m[2] ?? '';
          if (!prefixes.has(key.split('.')[0] ?? '') || /\.(ts|js|astro|json|png|svg)$/.test(key)) continue;
          // Audit actions (`company.verify`) are data, not texts: the web labels them as audit.action.<action>.
          if ((ACTIONS as readonly string[]).includes(key)) continue;
          // Web UI texts (t('vacancy.edit')) live in web/src/i18n, whose types check them.
          if (m[1] || (root.startsWith('web') && file.includes(`${path.sep}i18n${path.sep}`))) continue;
          seen++;
          if (!isMessageKey(key)) missing.push(`${path.relative(repo, file)}: ${key}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('fills placeholders and falls back to a generic text, never to a bare code', () => {
    expect(translate('auth.too_many_attempts', 'id', { minutes: 3 })).toBe(
      'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 3 menit.',
    );
    expect(translate('auth.too_many_attempts', 'en', { minutes: 3 })).toContain('3 minutes');
    expect(translate('no.such_key', 'en')).toBe(catalog.en['request.field.invalid']);
  });
});
