import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the CloudFront API (REST-XML), for one distribution:
 * GetDistributionConfig, UpdateDistribution (with its If-Match ETag check)
 * and GetDistribution, whose Status reads InProgress for `deployPolls` reads
 * after every update, then Deployed. The config is kept as the XML the SDK
 * sends, so what the rotation function writes is what it reads back.
 */
export type FakeCloudFront = {
  endpoint: string;
  distributionId: string;
  /** The current DistributionConfig XML. */
  configXml(): string;
  /** The values of a custom origin header, per origin that has it. */
  headerValues(name: string): string[];
  /** Every call, as "METHOD path", in order. */
  calls: string[];
  close(): Promise<void>;
};

const NS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

/** A distribution with the web and API function URLs as origins, both sending `header: value`, and an S3 origin without it. */
export function initialConfigXml(header: string, value: string): string {
  const fnOrigin = (id: string) =>
    `<Origin><Id>${id}</Id><DomainName>${id}.lambda-url.ap-southeast-3.on.aws</DomainName><OriginPath></OriginPath>` +
    `<CustomHeaders><Quantity>1</Quantity><Items><OriginCustomHeader><HeaderName>${header}</HeaderName>` +
    `<HeaderValue>${value}</HeaderValue></OriginCustomHeader></Items></CustomHeaders>` +
    '<CustomOriginConfig><HTTPPort>80</HTTPPort><HTTPSPort>443</HTTPSPort><OriginProtocolPolicy>https-only</OriginProtocolPolicy></CustomOriginConfig></Origin>';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><DistributionConfig xmlns="${NS}">` +
    '<CallerReference>bursa-test</CallerReference>' +
    `<Origins><Quantity>3</Quantity><Items>${fnOrigin('web')}${fnOrigin('api')}` +
    '<Origin><Id>media</Id><DomainName>media.s3.ap-southeast-3.amazonaws.com</DomainName><OriginPath></OriginPath>' +
    '<CustomHeaders><Quantity>0</Quantity></CustomHeaders><S3OriginConfig><OriginAccessIdentity></OriginAccessIdentity></S3OriginConfig></Origin>' +
    '</Items></Origins>' +
    '<DefaultCacheBehavior><TargetOriginId>web</TargetOriginId><ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy></DefaultCacheBehavior>' +
    '<Comment>Bursa</Comment><Enabled>true</Enabled></DistributionConfig>'
  );
}

export async function startFakeCloudFront(initialXml: string, deployPolls = 1): Promise<FakeCloudFront> {
  const distributionId = 'E2BURSATEST01';
  let xml = initialXml;
  let etag = 'E1';
  let inProgressReads = 0;
  const calls: string[] = [];
  const base = `/2020-05-31/distribution/${distributionId}`;
  const configBody = () => xml.replace(/^<\?xml[^>]*\?>/, '').trim();

  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      calls.push(`${req.method} ${path}`);
      const send = (status: number, payload: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'text/xml', ...headers });
        res.end(payload);
      };
      const distributionXml = (status: string) =>
        `<?xml version="1.0" encoding="UTF-8"?><Distribution xmlns="${NS}"><Id>${distributionId}</Id>` +
        `<ARN>arn:aws:cloudfront::123456789012:distribution/${distributionId}</ARN><Status>${status}</Status>` +
        `<DomainName>d111111abcdef8.cloudfront.net</DomainName>${configBody().replace(/ xmlns="[^"]*"/, '')}</Distribution>`;
      if (req.method === 'GET' && path === `${base}/config`) return send(200, xml, { etag });
      if (req.method === 'PUT' && path === `${base}/config`) {
        if (req.headers['if-match'] !== etag) {
          return send(
            412,
            `<ErrorResponse><Error><Type>Sender</Type><Code>PreconditionFailed</Code><Message>ETag mismatch</Message></Error></ErrorResponse>`,
          );
        }
        xml = body;
        etag = `E${Number(etag.slice(1)) + 1}`;
        inProgressReads = deployPolls;
        return send(200, distributionXml('InProgress'), { etag });
      }
      if (req.method === 'GET' && path === base) {
        const status = inProgressReads > 0 ? 'InProgress' : 'Deployed';
        if (inProgressReads > 0) inProgressReads--;
        return send(200, distributionXml(status), { etag });
      }
      send(404, '<ErrorResponse><Error><Code>NoSuchDistribution</Code></Error></ErrorResponse>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    distributionId,
    configXml: () => xml,
    headerValues(name) {
      const out: string[] = [];
      const re = /<OriginCustomHeader>\s*<HeaderName>([^<]*)<\/HeaderName>\s*<HeaderValue>([^<]*)<\/HeaderValue>/g;
      for (const m of xml.matchAll(re)) if (m[1]?.toLowerCase() === name) out.push(m[2] ?? '');
      return out;
    },
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
