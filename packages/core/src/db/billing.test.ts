import { describe, expect, it } from 'vitest';
import { attributeValueSize, billedWriteUnits, indexWriteUnits, itemSize } from './billing.ts';

describe('billed write units', () => {
  it('sizes values by the documented rules', () => {
    expect(attributeValueSize({ S: 'kué' })).toBe(4);
    // Significant digits two to a byte, plus 1: leading and trailing zeroes and the sign do not count.
    expect(attributeValueSize({ N: '5399405' })).toBe(5);
    expect(attributeValueSize({ N: '-0.00120' })).toBe(2);
    expect(attributeValueSize({ N: '1000' })).toBe(2);
    expect(attributeValueSize({ BOOL: true })).toBe(1);
    expect(attributeValueSize({ NULL: true })).toBe(1);
    expect(attributeValueSize({ L: [{ S: 'ab' }, { N: '7' }] })).toBe(3 + (2 + 1) + (2 + 1));
    expect(attributeValueSize({ M: { a: { S: 'xy' } } })).toBe(3 + 1 + 2 + 1);
    expect(attributeValueSize({ SS: ['a', 'bc'] })).toBe(3);
  });

  it('sizes an item as its names plus its values', () => {
    expect(itemSize({ pk: { S: 'VACANCY#1' }, n: { N: '12' } })).toBe(2 + 9 + 1 + 2);
    expect(itemSize(undefined)).toBe(0);
  });

  it('bills per started KB of the larger image, twice inside a transaction', () => {
    const small = { pk: { S: 'x' } };
    const big = { pk: { S: 'x' }, d: { S: 'a'.repeat(1500) } };
    expect(billedWriteUnits(undefined, small, false)).toBe(1);
    expect(billedWriteUnits(small, big, false)).toBe(2);
    // A delete is billed on the item it removes.
    expect(billedWriteUnits(big, undefined, false)).toBe(2);
    expect(billedWriteUnits(undefined, big, true)).toBe(4);
    // 1 KB is 1,024 bytes: a 1-byte name and 1,023 bytes fit, one more byte starts the second.
    expect(billedWriteUnits(undefined, { d: { S: 'a'.repeat(1023) } }, false)).toBe(1);
    expect(billedWriteUnits(undefined, { d: { S: 'a'.repeat(1024) } }, false)).toBe(2);
  });

  it('bills a write again in each index the item enters, stays in or leaves; twice when its index key moves', () => {
    const gsi = [{ partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }];
    const plain = { pk: { S: 'x' } };
    const indexed = { ...plain, gsi1pk: { S: 'COMPANY#1' }, gsi1sk: { S: 'VACANCY#1' } };
    expect(indexWriteUnits(undefined, plain, gsi)).toBe(0);
    expect(indexWriteUnits(undefined, indexed, gsi)).toBe(1);
    expect(indexWriteUnits(indexed, { ...indexed, d: { S: 'a'.repeat(2000) } }, gsi)).toBe(2);
    expect(indexWriteUnits(indexed, plain, gsi)).toBe(1);
    expect(indexWriteUnits(indexed, { ...indexed, gsi1sk: { S: 'VACANCY#2' } }, gsi)).toBe(2);
  });
});
