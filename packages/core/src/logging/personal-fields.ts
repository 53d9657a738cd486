/**
 * @module
 * Which payload fields carry personal data: the called person's number and name, addresses,
 * agents' names, locations. Keys are compared lowercased without `_`, so `CalleeNumber`,
 * `callee_number` and `calleeNumber` are one key.
 */

/** AIRudder's personal fields, by normalised key (lowercase, no `_`). */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  'calleenumber',
  'calleename',
  'callee',
  'callernumber',
  'callername',
  'caller',
  'phonenumber',
  'phone',
  'mobile',
  'mainnumber',
  'contactname',
  'customername',
  'customerinfo',
  'agentname',
  'name',
  'address',
  'email',
  'latitude',
  'longitude',
  'location',
])

export function normaliseKey(key: string): string {
  return key.replaceAll('_', '').toLowerCase()
}
