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
