/**
 * @module
 * A small IPv4/IPv6 and CIDR parser for `ipAllowlist`, hand-written to keep core free of
 * dependencies. Strict on purpose: an allow-list entry that parses loosely (octal-looking
 * `010.0.0.1`, host bits after the prefix) is more likely a mistake than an intent.
 *
 * ```ts
 * const parsed = parseNetwork('2001:db8::/32')
 * if (parsed.ok) networkContains(parsed.network, parseIp('2001:db8::1')!) // true
 * ```
 */

/** An address's bytes (4 for IPv4, 16 for IPv6) and how many leading bits must match. */
export interface Network {
  readonly bytes: Uint8Array
  readonly prefix: number
}

export type ParsedNetwork =
  | { readonly ok: true; readonly network: Network }
  | { readonly ok: false; readonly problem: string }

const decimal = /^(0|[1-9]\d{0,2})$/
const hexGroup = /^[0-9a-fA-F]{1,4}$/

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.')
  if (parts.length !== 4 || !parts.every((part) => decimal.test(part) && Number(part) <= 255))
    return undefined
  return Uint8Array.from(parts, Number)
}

/** 16-bit words of one side of `::`; a dotted IPv4 tail counts as two words. */
function parseWords(part: string, ipv4Allowed: boolean): number[] | undefined {
  const groups = part === '' ? [] : part.split(':')
  const words: number[] = []
  for (const [index, group] of groups.entries()) {
    if (ipv4Allowed && index === groups.length - 1 && group.includes('.')) {
      const ipv4 = parseIpv4(group)
      if (ipv4 === undefined) return undefined
      words.push(((ipv4[0] ?? 0) << 8) | (ipv4[1] ?? 0), ((ipv4[2] ?? 0) << 8) | (ipv4[3] ?? 0))
    } else if (hexGroup.test(group)) {
      words.push(Number.parseInt(group, 16))
    } else {
      return undefined
    }
  }
  return words
}

function parseIpv6(text: string): Uint8Array | undefined {
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const compressed = halves.length === 2
  const head = parseWords(halves[0] ?? '', !compressed)
  const tail = compressed ? parseWords(halves[1] ?? '', true) : []
  if (head === undefined || tail === undefined) return undefined
  // `::` stands for at least one zero word; without it all eight must be written.
  if (compressed ? head.length + tail.length > 7 : head.length !== 8) return undefined
  const words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail]
  return Uint8Array.from(words.flatMap((word) => [word >> 8, word & 0xff]))
}

/** The bytes of an IPv4 or IPv6 address (no zone id, no brackets), or `undefined`. */
export function parseIp(text: string): Uint8Array | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text)
}

/** `::ffff:1.2.3.4` (how Node reports IPv4 clients on a dual-stack socket) as plain IPv4. */
export function unmapIpv4(bytes: Uint8Array): Uint8Array {
  const mapped = bytes.length === 16 && bytes.subarray(0, 10).every((byte) => byte === 0)
  return mapped && bytes[10] === 0xff && bytes[11] === 0xff ? bytes.slice(12) : bytes
}

function hasHostBits(bytes: Uint8Array, prefix: number): boolean {
  return bytes.some((byte, index) => {
    const kept = Math.min(Math.max(prefix - index * 8, 0), 8)
    return (byte & (0xff >> kept)) !== 0
  })
}

/** Parses `address` or `address/prefix`. IPv4-mapped IPv6 ranges of /96 or longer become IPv4. */
export function parseNetwork(entry: string): ParsedNetwork {
  const [address = '', prefixText, ...rest] = entry.split('/')
  const parsed = parseIp(address)
  if (parsed === undefined || rest.length > 0) {
    return { ok: false, problem: 'is not an IPv4/IPv6 address or CIDR range' }
  }
  const bits = parsed.length * 8
  let prefix = bits
  if (prefixText !== undefined) {
    prefix = decimal.test(prefixText) ? Number(prefixText) : Number.NaN
    if (!(prefix <= bits)) return { ok: false, problem: `has an invalid prefix length (0 to ${bits})` }
  }
  if (hasHostBits(parsed, prefix)) {
    return { ok: false, problem: `has bits set after its /${prefix} prefix; write the network address` }
  }
  const ipv4 = unmapIpv4(parsed)
  if (ipv4 !== parsed && prefix >= 96) return { ok: true, network: { bytes: ipv4, prefix: prefix - 96 } }
  return { ok: true, network: { bytes: parsed, prefix } }
}

/** True when `address` (already unmapped) lies in `network`; IPv4 never matches IPv6. */
export function networkContains(network: Network, address: Uint8Array): boolean {
  if (network.bytes.length !== address.length) return false
  return !network.bytes.some((byte, index) => {
    const kept = Math.min(Math.max(network.prefix - index * 8, 0), 8)
    const mask = (0xff00 >> kept) & 0xff
    return ((byte ^ (address[index] ?? 0)) & mask) !== 0
  })
}
