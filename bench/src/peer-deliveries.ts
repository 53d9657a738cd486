/**
 * @module
 * Deliveries for the peer libraries, each signed with that library's own scheme: real GitHub
 * payloads from `@octokit/webhooks-examples` for @octokit/webhooks, and Stripe events for svix and
 * stripe (svix carries any JSON, so both read the same bodies; one delivery carries both headers).
 * Each delivery is distinct, like the kit's, and svix and Stripe sign a timestamp they require to
 * be under 5 minutes old: make a batch just before it is sent.
 */
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Stripe from 'stripe'
import { Webhook } from 'svix'
import type { BenchDelivery } from './deliveries'

export const GITHUB_SECRET = 'bench-github-secret'
/** svix secrets are `whsec_` and base64 key bytes. */
export const SVIX_SECRET = `whsec_${Buffer.from('bench-svix-secret-32-bytes-long!').toString('base64')}`
export const STRIPE_SECRET = 'whsec_bench_stripe_secret'

interface GithubExample {
  readonly name: string
  readonly examples: readonly Record<string, unknown>[]
}

const require = createRequire(import.meta.url)

/** The first example of GitHub's `event` (with `action`, if given) from @octokit/webhooks-examples. */
function githubExample(event: string, action?: string): Record<string, unknown> {
  const definitions = require('@octokit/webhooks-examples') as GithubExample[]
  const example = definitions
    .find((definition) => definition.name === event)
    ?.examples.find((candidate) => action === undefined || candidate.action === action)
  if (!example) throw new Error(`@airudder-webhooks/bench: no GitHub example for ${event} ${action ?? ''}`)
  return example
}

/**
 * GitHub's `event` number `i`: its own delivery id and sender id, signed as GitHub does
 * (`x-hub-signature-256: sha256=` and the HMAC-SHA256 of the body in hex).
 */
export function githubSeries(event: string, action?: string): (i: number) => BenchDelivery {
  const example = githubExample(event, action)
  const sender = example.sender as Record<string, unknown>
  return (i) => {
    const body = JSON.stringify({ ...example, sender: { ...sender, id: 1_000_000 + i } })
    const signature = `sha256=${createHmac('sha256', GITHUB_SECRET).update(body).digest('hex')}`
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'x-github-event': event,
        'x-github-delivery': `bench-github-${i}`,
        'x-hub-signature-256': signature,
      },
    }
  }
}

const svix = new Webhook(SVIX_SECRET)
const stripe = new Stripe('sk_test_bench')

/**
 * The Stripe event in `bench/fixtures/<file>` number `i`: its own event id, with a
 * `Stripe-Signature` header (made by stripe's own test helper) and svix's three headers (made by
 * svix's `sign`), both timed now.
 */
export function stripeSeries(file: string): (i: number) => BenchDelivery {
  const event = JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'))
  return (i) => {
    const body = JSON.stringify({ ...event, id: `${event.id}${i}` })
    const now = new Date()
    const id = `msg_bench_${i}`
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripe.webhooks.generateTestHeaderString({
          payload: body,
          secret: STRIPE_SECRET,
          timestamp: Math.floor(now.getTime() / 1000),
        }),
        'svix-id': id,
        'svix-timestamp': String(Math.floor(now.getTime() / 1000)),
        'svix-signature': svix.sign(id, now, body),
      },
    }
  }
}
