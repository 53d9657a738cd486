/**
 * @module
 * A TCP proxy in front of a server (PostgreSQL here) that can misbehave the way networks do:
 * `reset` ends every connection with a TCP RST and refuses new ones at once; `blackhole` swallows
 * every byte both ways and leaves connections open (a partition, or a database that stopped
 * answering); `delay` holds each chunk for a while. Connections blackholed stay dead after `pass`
 * is restored, as after a real partition: only the client's own timeouts free them.
 */
import { connect, createServer, type Server, type Socket } from 'node:net'

export type ProxyMode = 'pass' | 'reset' | 'blackhole'

export interface TcpProxy {
  readonly port: number
  readonly mode: ProxyMode
  /** Switches mode; `reset` also resets every open connection. */
  set(mode: ProxyMode): void
  /** Holds every chunk this long before forwarding it (0: none). */
  delay(ms: number): void
  close(): Promise<void>
}

interface Pair {
  readonly client: Socket
  upstream: Socket | undefined
  dead: boolean
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'pass'
  let delayMs = 0
  const pairs = new Set<Pair>()

  const reset = (pair: Pair) => {
    pair.dead = true
    pair.client.resetAndDestroy()
    pair.upstream?.resetAndDestroy()
    pairs.delete(pair)
  }
  const forward = (pair: Pair, to: () => Socket | undefined) => (chunk: Buffer) => {
    if (pair.dead || mode === 'blackhole') {
      pair.dead = true // a swallowed byte breaks the stream for good
      return
    }
    const write = () => {
      if (!pair.dead) to()?.write(chunk)
    }
    if (delayMs > 0) setTimeout(write, delayMs)
    else write()
  }

  const server: Server = createServer((client) => {
    const pair: Pair = { client, upstream: undefined, dead: false }
    client.on('error', () => undefined)
    if (mode === 'reset') {
      client.resetAndDestroy()
      return
    }
    pairs.add(pair)
    client.on('close', () => {
      pairs.delete(pair)
      pair.upstream?.destroy()
    })
    if (mode === 'blackhole') {
      pair.dead = true
      return
    }
    const upstream = connect(target.port, target.host)
    pair.upstream = upstream
    upstream.on('error', () => client.destroy())
    upstream.on('close', () => {
      if (!pair.dead) client.destroy()
    })
    upstream.on(
      'data',
      forward(pair, () => client),
    )
    client.on(
      'data',
      forward(pair, () => upstream),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('tcp-proxy: no port')

  return {
    port: address.port,
    get mode() {
      return mode
    },
    set(next) {
      mode = next
      if (next === 'reset') for (const pair of [...pairs]) reset(pair)
    },
    delay(ms) {
      delayMs = ms
    },
    async close() {
      for (const pair of [...pairs]) reset(pair)
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
