import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { signRequest } from './sigv4.ts';

type Case = {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  service: string;
  sessionToken?: string;
};

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const date = new Date('2026-12-07T12:34:56Z');

async function sdkSignature(o: Case) {
  const signer = new SignatureV4({
    service: o.service,
    region: 'ap-southeast-3',
    credentials: { ...credentials, ...(o.sessionToken ? { sessionToken: o.sessionToken } : {}) },
    sha256: Sha256,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: o.method,
      protocol: o.url.protocol,
      hostname: o.url.hostname,
      path: o.url.pathname,
      query: Object.fromEntries(o.url.searchParams),
      headers: { host: o.url.host, ...o.headers },
      body: o.body,
    }),
    { signingDate: date },
  );
  return signed.headers.authorization;
}

describe('SigV4 over fetch', () => {
  it('signs as the SDK signs: Lambda Invoke, Secrets Manager, with a session token and a query', async () => {
    const cases: Case[] = [
      {
        method: 'POST',
        url: new URL('https://lambda.ap-southeast-3.amazonaws.com/2015-03-31/functions/bursa-prod-search/invocations'),
        headers: { 'content-type': 'application/json' },
        body: '{"action":"search","query":{"q":"kasir"}}',
        service: 'lambda',
      },
      {
        method: 'POST',
        url: new URL('https://secretsmanager.ap-southeast-3.amazonaws.com/'),
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
        body: '{"SecretId":"arn:aws:secretsmanager:ap-southeast-3:1:secret:stripe"}',
        service: 'secretsmanager',
        sessionToken: 'FwoGZXIvYXdzEXAMPLE',
      },
      {
        method: 'GET',
        url: new URL('https://lambda.ap-southeast-3.amazonaws.com/2015-03-31/functions/a%3Ab/x?b=2&a=1&c=x%20y'),
        headers: {},
        body: '',
        service: 'lambda',
      },
    ];
    for (const c of cases) {
      const ours = signRequest({
        ...c,
        region: 'ap-southeast-3',
        credentials: { ...credentials, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) },
        date,
      });
      expect(ours.authorization).toBe(await sdkSignature(c));
    }
  });
});
