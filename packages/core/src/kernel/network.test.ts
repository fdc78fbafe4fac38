import { describe, expect, it } from 'vitest';
import { networkOf } from './network.ts';

describe('networkOf', () => {
  it('keeps IPv4 addresses, and IPv4-mapped IPv6 as IPv4', () => {
    expect(networkOf('203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });
  it('counts IPv6 clients per /64, however the address is written', () => {
    const a = networkOf('2001:db8:85a3:12::1');
    expect(a).toBe('2001:db8:85a3:12::/64');
    expect(networkOf('2001:0db8:85a3:0012:ffff:ffff:ffff:fffe')).toBe(a);
    expect(networkOf('[2001:DB8:85A3:12::abcd]')).toBe(a);
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkOf('2001:db8:85a3:13::1')).not.toBe(a);
  });
  it('names a missing address', () => expect(networkOf('')).toBe('unknown'));
});
