// s3rver ships no types; this is the part of its API we use.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  type Options = {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  };
  export default class S3rver {
    constructor(options: Options);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** Emitted after an object is stored or deleted, shaped like an S3 event notification. */
    on(
      event: 'event',
      listener: (e: { Records?: { eventName?: string; s3?: { object?: { key?: string } } }[] }) => void,
    ): this;
  }
}
