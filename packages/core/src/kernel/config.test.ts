import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { ValidationError } from './errors.ts';

describe('loadConfig', () => {
  it('defaults to the local stack', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      stage: 'local',
      tableName: 'bursa-local',
      homeRegency: '36.71',
      siteUrl: 'http://localhost:4321',
    });
    expect(c.dynamodbEndpoint).toBeUndefined();
  });
  it('reads and normalises what a deployed stage sets', () => {
    const c = loadConfig({
      STAGE: 'prod',
      TABLE_NAME: 'bursa-prod',
      SITE_URL: 'https://bursa.tangerangkota.go.id/',
      HOME_REGENCY: '36.73',
    });
    expect(c).toMatchObject({
      stage: 'prod',
      tableName: 'bursa-prod',
      siteUrl: 'https://bursa.tangerangkota.go.id',
      homeRegency: '36.73',
    });
  });
  it('parses numbers and switches, and counts a blank variable as unset', () => {
    const c = loadConfig({
      DYNAMODB_TIMEOUT_MS: '5000',
      HOLD_UNVERIFIED_VACANCIES: 'off',
      TABLE_NAME: '',
      S3_ENDPOINT: '',
    });
    expect(c).toMatchObject({ dynamodbTimeoutMs: 5000, holdUnverifiedVacancies: false, tableName: 'bursa-local' });
    expect(c.s3Endpoint).toBeUndefined();
    expect(loadConfig({ HOLD_UNVERIFIED_VACANCIES: '1' }).holdUnverifiedVacancies).toBe(true);
    expect(loadConfig({}).holdUnverifiedVacancies).toBe(true);
    expect(loadConfig({}).stripe).toBeUndefined();
    expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }).stripe).toEqual({
      secretKey: 'sk_test_1',
      webhookSecret: 'whsec_1',
    });
  });
  it('refuses numbers out of range or not whole, unknown switches, wrong prefixes and short values', () => {
    const bad = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).fields.map((f) => f.path);
      }
    };
    expect(bad({ DYNAMODB_TIMEOUT_MS: '50' })).toEqual(['DYNAMODB_TIMEOUT_MS']);
    expect(bad({ DYNAMODB_TIMEOUT_MS: '2.5' })).toEqual(['DYNAMODB_TIMEOUT_MS']);
    expect(bad({ DYNAMODB_TIMEOUT_MS: 'soon' })).toEqual(['DYNAMODB_TIMEOUT_MS']);
    expect(bad({ HOLD_UNVERIFIED_VACANCIES: 'yes' })).toEqual(['HOLD_UNVERIFIED_VACANCIES']);
    expect(bad({ STRIPE_SECRET_KEY: 'pk_live_1' })).toEqual(['STRIPE_SECRET_KEY']);
    expect(bad({ ORIGIN_SECRET: 'short' })).toEqual(['ORIGIN_SECRET']);
    expect(bad({ TABLE_NAME: 'ab' })).toEqual(['TABLE_NAME']);
    expect(bad({ ORIGIN_SECRET: 'a-secret-long-enough', TABLE_NAME: 'bursa-x' })).toEqual([]);
  });
  it('names every bad variable', () => {
    try {
      loadConfig({ SITE_URL: 'not a url', HOME_REGENCY: 'Tangerang' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields.map((f) => f.path).sort()).toEqual(['HOME_REGENCY', 'SITE_URL']);
    }
  });
});
