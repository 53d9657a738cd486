/**
 * @module
 * The fault suite's tools: a misbehaving TCP proxy, AIRudder-like traffic, and a log of measured
 * outcomes that the README's fault table quotes.
 */

export { record } from './record'
export { type ProxyMode, startTcpProxy, type TcpProxy } from './tcp-proxy'
export {
  type Answer,
  answersBetween,
  firstAcknowledgedAfter,
  sendTraffic,
  type Tracked,
  type Traffic,
} from './traffic'
