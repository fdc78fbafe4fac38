import { describe, expect, it } from 'vitest';
import { originHeaderValues, withOriginHeader } from './cloudfront.ts';

const origin = (id: string, headers: string) =>
  `<Origin><Id>${id}</Id><CustomHeaders><Quantity>1</Quantity><Items>${headers}</Items></CustomHeaders></Origin>`;
const header = (name: string, value: string) =>
  `<OriginCustomHeader><HeaderName>${name}</HeaderName><HeaderValue>${value}</HeaderValue></OriginCustomHeader>`;

describe('a distribution config, changed in place', () => {
  const xml = `<DistributionConfig><Origins><Items>${origin('web', header('X-Bursa-Origin', 'lama'))}${origin('api', header('x-bursa-origin', 'lama') + header('x-other', 'tetap'))}${origin('media', '')}</Items></Origins><Comment>a &amp; b</Comment></DistributionConfig>`;

  it('reads the header on every origin that sends it (names compared case-insensitively)', () => {
    expect(originHeaderValues(xml, 'x-bursa-origin')).toEqual(['lama', 'lama']);
  });

  it('sets a new value on those origins only, escaped, and keeps everything else as it was', () => {
    const next = withOriginHeader(xml, 'x-bursa-origin', 'baru<&>');
    expect(originHeaderValues(next, 'x-bursa-origin')).toEqual(['baru<&>', 'baru<&>']);
    expect(next).toContain('<HeaderValue>baru&lt;&amp;&gt;</HeaderValue>');
    expect(originHeaderValues(next, 'x-other')).toEqual(['tetap']);
    expect(next.replace(/baru&lt;&amp;&gt;/g, 'lama')).toBe(xml);
  });
});
