// Global ids written by hand (src/graphql/relay.ts) are the base64 Buffer writes, and read back.
import 'reflect-metadata';
import { dbIdOf, fromGlobalId, toGlobalId, type NodeTypeName } from '../../src/graphql/relay';

const TYPES: NodeTypeName[] = ['PressRelease', 'Meeting', 'Participant', 'Person', 'Country', 'Topic', 'Initiative', 'InitiativeMention'];

it('writes Buffer base64 of Type:key for every type and key length, ASCII or not', () => {
  const keys: (number | string)[] = [1, 7, 42, 999, 8559, 123456, 2_147_483_647, 'AZ', 'GB', 'X', 'abc', 'abcd', 'é', 'Ürümqi', '日本', 'a✓b', ''];
  for (const type of TYPES) {
    for (const key of keys) {
      expect([type, key, toGlobalId(type, key)]).toEqual([type, key, Buffer.from(`${type}:${key}`).toString('base64')]);
    }
  }
  for (let n = 0; n < 5000; n += 7) expect(toGlobalId('Meeting', n)).toBe(Buffer.from(`Meeting:${n}`).toString('base64'));
});

it('reads its ids back', () => {
  for (const type of TYPES) {
    expect(fromGlobalId(toGlobalId(type, 8559))).toEqual({ type, key: '8559' });
    expect(fromGlobalId(toGlobalId(type, 'Ürümqi'))).toEqual({ type, key: 'Ürümqi' });
  }
  expect(dbIdOf(toGlobalId('PressRelease', 31), 'PressRelease')).toBe(31);
});
