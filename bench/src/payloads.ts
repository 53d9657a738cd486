/**
 * @module
 * The HTTP benchmark's two payload sizes, each as the kit's AIRudder delivery and the nearest
 * realistic payload of each peer: ≈2 KB (`workflow.call.completed` with its md5 `Sign`; GitHub's
 * `team.created`; Stripe's `payment_intent.succeeded`) and ≈6.5 KB
 * (`workflow.chatbot.session_ended` with its HMAC header; GitHub's `push` of a tag; Stripe's
 * `invoice.paid` with three lines). Each library is compared with the bare route on its own
 * payload, so a payload cheaper to parse does not flatter its library.
 */
import { type BenchDelivery, callCompleted, sessionEnded } from './deliveries'
import { githubSeries, stripeSeries } from './peer-deliveries'

/** Whose payloads: the kit's, @octokit/webhooks', or the Stripe events that svix and stripe verify. */
export type Payload = 'airudder' | 'github' | 'stripe'

export interface PayloadSize {
  readonly size: string
  /** The event each payload is, for the report. */
  readonly events: Readonly<Record<Payload, string>>
  /** Delivery number `i` of each payload. */
  readonly series: Readonly<Record<Payload, (i: number) => BenchDelivery>>
}

export const SIZES: readonly PayloadSize[] = [
  {
    size: '2 KB',
    events: {
      airudder: 'workflow.call.completed',
      github: 'team.created',
      stripe: 'payment_intent.succeeded',
    },
    series: {
      airudder: callCompleted,
      github: githubSeries('team', 'created'),
      stripe: stripeSeries('stripe-payment-intent-succeeded.json'),
    },
  },
  {
    size: '6.5 KB',
    events: {
      airudder: 'workflow.chatbot.session_ended',
      github: 'push',
      stripe: 'invoice.paid',
    },
    series: {
      airudder: sessionEnded,
      github: githubSeries('push'),
      stripe: stripeSeries('stripe-invoice-paid.json'),
    },
  },
]
