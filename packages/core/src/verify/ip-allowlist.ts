/**
 * @module
 * Accepts deliveries only from listed client addresses, for pushes AIRudder does not sign. Only
 * as good as the IP the transport reports: behind a proxy, make sure `ip` is the real client.
 *
 * ```ts
 * import { ipAllowlist } from '@airudder-webhooks/core'
 * const verifier = ipAllowlist(['203.0.113.7', '10.0.0.0/8', '2001:db8::/32'])
 * ```
 *
 * An IPv4-mapped client (`::ffff:203.0.113.7`, as Node reports) matches IPv4 entries; `::/0`
 * matches IPv6 clients only, so add `0.0.0.0/0` as well to allow everyone.
 */
import { type Network, networkContains, parseIp, parseNetwork, unmapIpv4 } from './cidr'
import type { SyncVerifier } from './sync-verifier'

export interface IpAllowlistOptions {
  /** Verifier name and reported method, e.g. `'airudder-ips'`. Default `'ipAllowlist'`. */
  readonly name?: string | undefined
}

function toNetworks(allowed: readonly string[], name: string): readonly Network[] {
  if (!Array.isArray(allowed) || allowed.length === 0) {
    throw new TypeError(`@airudder-webhooks/core: ${name} needs at least one address or CIDR range`)
  }
  return allowed.map((entry: unknown) => {
    const parsed = typeof entry === 'string' ? parseNetwork(entry.trim()) : undefined
    if (parsed?.ok) return parsed.network
    const problem = parsed?.problem ?? 'is not a string'
    throw new TypeError(`@airudder-webhooks/core: ${name} entry ${JSON.stringify(entry)} ${problem}`)
  })
}

/** Passes when `input.ip` lies in any of the `allowed` addresses or CIDR ranges. */
export function ipAllowlist(allowed: readonly string[], options: IpAllowlistOptions = {}): SyncVerifier {
  const name = options.name ?? 'ipAllowlist'
  const networks = toNetworks(allowed, name)
  return {
    name,
    verify(input) {
      if (typeof input.ip !== 'string' || input.ip === '') return { ok: false, reason: 'client IP unknown' }
      // A link-local client may carry a zone id (`fe80::1%eth0`); it names an interface, not a host.
      const parsed = parseIp(input.ip.trim().replace(/%.*$/, ''))
      if (parsed === undefined) return { ok: false, reason: 'client IP is not a valid address' }
      const address = unmapIpv4(parsed)
      return networks.some((network) => networkContains(network, address))
        ? { ok: true, method: name }
        : { ok: false, reason: 'client IP is not allowed' }
    },
  }
}
