/**
 * The network a client address stands for, as limits count it: an IPv4
 * address as it is, an IPv6 address by its /64 (one subscriber's whole
 * prefix: a phone on a mobile carrier gets a new address in it at will).
 * IPv4-mapped IPv6 (`::ffff:203.0.113.7`) counts as the IPv4 address.
 */
export function networkOf(address: string | undefined): string {
  const a = (address ?? '')
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (!a) return 'unknown';
  const mapped = a.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped?.[1]) return mapped[1];
  if (!a.includes(':')) return a;
  const [head = '', tail = ''] = a.split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = a.includes('::') && tail ? tail.split(':') : [];
  const groups = a.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (g || '0').replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
