import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for AWS Secrets Manager (there is no local one): a real HTTP
 * server speaking its JSON protocol, with versions and staging labels that
 * move the way Secrets Manager moves them (AWSCURRENT moved → the old version
 * becomes AWSPREVIOUS). Enough for the origin guard and the rotation function:
 * GetSecretValue, PutSecretValue, DescribeSecret, UpdateSecretVersionStage,
 * GetRandomPassword. Point an SDK client at `endpoint` (or set
 * AWS_ENDPOINT_URL_SECRETS_MANAGER).
 */
export type FakeSecretsManager = {
  endpoint: string;
  arn: string;
  /** Every call, by operation name, in order. */
  calls: string[];
  /** The value carrying a stage now, if any. */
  valueAt(stage: string): string | undefined;
  /** Rotates by hand, as a finished rotation would leave it: new AWSCURRENT, old AWSPREVIOUS. */
  rotateTo(value: string): void;
  /** What RotateSecret does before calling the rotation function: a new version labelled AWSPENDING, no value yet. Returns its id (the ClientRequestToken). */
  beginRotation(): string;
  /** While true, every call answers 500 (an outage). */
  failing: boolean;
  close(): Promise<void>;
};

type Version = { id: string; value: string | undefined; stages: Set<string> };

export async function startFakeSecretsManager(initial: string): Promise<FakeSecretsManager> {
  const arn = 'arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:bursa-origin-AbCdEf';
  const versions: Version[] = [{ id: randomUUID(), value: initial, stages: new Set(['AWSCURRENT']) }];
  const calls: string[] = [];
  const at = (stage: string) => versions.find((v) => v.stages.has(stage));
  const moveStage = (stage: string, to: Version) => {
    for (const v of versions) v.stages.delete(stage);
    to.stages.add(stage);
  };
  const makeCurrent = (to: Version) => {
    const old = at('AWSCURRENT');
    if (old && old !== to) moveStage('AWSPREVIOUS', old);
    moveStage('AWSCURRENT', to);
  };

  const operations: Record<string, (input: Record<string, unknown>) => [number, unknown]> = {
    GetSecretValue(input) {
      if (input.SecretId !== arn) return notFound('no such secret');
      const v = input.VersionId
        ? versions.find((x) => x.id === input.VersionId)
        : at(String(input.VersionStage ?? 'AWSCURRENT'));
      if (!v || v.value === undefined || (input.VersionStage && !v.stages.has(String(input.VersionStage)))) {
        return notFound("Secrets Manager can't find the specified secret value");
      }
      return [
        200,
        { ARN: arn, Name: 'bursa-origin', VersionId: v.id, SecretString: v.value, VersionStages: [...v.stages] },
      ];
    },
    PutSecretValue(input) {
      const id = String(input.ClientRequestToken ?? randomUUID());
      let v = versions.find((x) => x.id === id);
      if (v?.value !== undefined) {
        return [400, { __type: 'ResourceExistsException', message: 'a version with this token already has a value' }];
      }
      if (!v) {
        v = { id, value: undefined, stages: new Set() };
        versions.push(v);
      }
      v.value = String(input.SecretString);
      for (const stage of (input.VersionStages as string[] | undefined) ?? ['AWSCURRENT']) {
        if (stage === 'AWSCURRENT') makeCurrent(v);
        else moveStage(stage, v);
      }
      return [200, { ARN: arn, VersionId: v.id, VersionStages: [...v.stages] }];
    },
    DescribeSecret(input) {
      if (input.SecretId !== arn) return notFound('no such secret');
      return [
        200,
        {
          ARN: arn,
          Name: 'bursa-origin',
          RotationEnabled: true,
          VersionIdsToStages: Object.fromEntries(
            versions.filter((v) => v.stages.size).map((v) => [v.id, [...v.stages]]),
          ),
        },
      ];
    },
    UpdateSecretVersionStage(input) {
      const stage = String(input.VersionStage);
      const to = versions.find((x) => x.id === input.MoveToVersionId);
      const from = versions.find((x) => x.id === input.RemoveFromVersionId);
      if (input.RemoveFromVersionId && !from?.stages.has(stage)) {
        return [400, { __type: 'InvalidParameterException', message: 'stage is not on that version' }];
      }
      if (!to) {
        from?.stages.delete(stage);
        return [200, { ARN: arn }];
      }
      if (stage === 'AWSCURRENT') makeCurrent(to);
      else moveStage(stage, to);
      return [200, { ARN: arn }];
    },
    GetRandomPassword(input) {
      const length = Number(input.PasswordLength ?? 32);
      return [200, { RandomPassword: randomBytes(length).toString('base64url').slice(0, length) }];
    },
  };

  const fake: FakeSecretsManager = {
    endpoint: '',
    arn,
    calls,
    failing: false,
    valueAt: (stage) => at(stage)?.value,
    rotateTo(value) {
      const v: Version = { id: randomUUID(), value, stages: new Set() };
      versions.push(v);
      makeCurrent(v);
    },
    beginRotation() {
      const v: Version = { id: randomUUID(), value: undefined, stages: new Set() };
      versions.push(v);
      moveStage('AWSPENDING', v);
      return v.id;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };

  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const op = String(req.headers['x-amz-target'] ?? '').replace(/^secretsmanager\./, '');
      calls.push(op);
      const handler = operations[op];
      const [status, out] = fake.failing
        ? [500, { __type: 'InternalServiceError', message: 'stand-in outage' }]
        : handler
          ? handler(JSON.parse(body || '{}'))
          : [400, { __type: 'InvalidRequestException', message: `stand-in does not know ${op}` }];
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

const notFound = (message: string): [number, unknown] => [400, { __type: 'ResourceNotFoundException', message }];
