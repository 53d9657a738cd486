/**
 * @module
 * `airudderServerOptions`: Node `http.createServer` options suited to AIRudder, which sends one small
 * body at once and gives up after 10 s. Node's defaults let a client that trickles its headers hold a
 * connection for about a minute and a half, and one with a slow or missing body for five minutes;
 * with these a slow client is dropped within seconds, and nothing AIRudder sends comes near them.
 *
 * ```ts
 * import { createServer } from 'node:http'
 * import { airudderServerOptions } from '@airudder-webhooks/core/node'
 * createServer(airudderServerOptions, app).listen(3000)
 * ```
 */
export const airudderServerOptions = {
  /** The request line and headers must arrive within 5 s (Node: 60 s). */
  headersTimeout: 5_000,
  /** The whole request, body included, within 10 s: AIRudder's own limit (Node: 300 s). */
  requestTimeout: 10_000,
  /** An idle kept-alive connection closes after 5 s. */
  keepAliveTimeout: 5_000,
  /** How often Node checks the two limits above (Node: 30 s, which would make them 30 s late). */
  connectionsCheckingInterval: 1_000,
} as const
