/**
 * @module
 * The routes a user would write with each peer library instead of the kit, each with the
 * library's own verification and its documented call: @octokit/webhooks' `verifyAndReceive` (with
 * a handler, so it dispatches), svix's `Webhook.verify` and stripe's `webhooks.constructEvent`.
 * Every framework reads the body as its bare route does and answers `{}` with the status these
 * return, so a peer route differs from bare only by what its library does.
 */
import { type EmitterWebhookEventName, Webhooks } from '@octokit/webhooks'
import Stripe from 'stripe'
import { Webhook } from 'svix'
import { GITHUB_SECRET, STRIPE_SECRET, SVIX_SECRET } from './peer-deliveries'

/** A request header by lower-case name. */
export type Header = (name: string) => string | undefined

const github = new Webhooks({ secret: GITHUB_SECRET })
github.on(['push', 'team.created'], () => undefined)
const svix = new Webhook(SVIX_SECRET)
const stripe = new Stripe('sk_test_bench')

/** 200 once octokit verified the body and ran its handler; 401 when it refused it. */
export async function octokitStatus(body: string, header: Header): Promise<200 | 401> {
  try {
    await github.verifyAndReceive({
      id: header('x-github-delivery') ?? '',
      name: (header('x-github-event') ?? '') as EmitterWebhookEventName,
      signature: header('x-hub-signature-256') ?? '',
      payload: body,
    })
    return 200
  } catch {
    return 401
  }
}

/** 200 once svix verified the body and it parsed (svix 2's `verify` no longer parses); else 401. */
export function svixStatus(body: string, header: Header): 200 | 401 {
  try {
    svix.verify(body, {
      'svix-id': header('svix-id') ?? '',
      'svix-timestamp': header('svix-timestamp') ?? '',
      'svix-signature': header('svix-signature') ?? '',
    })
    JSON.parse(body)
    return 200
  } catch {
    return 401
  }
}

/** 200 once stripe verified the body and built the event; 401 when it refused it. */
export function stripeStatus(body: string, header: Header): 200 | 401 {
  try {
    stripe.webhooks.constructEvent(body, header('stripe-signature') ?? '', STRIPE_SECRET)
    return 200
  } catch {
    return 401
  }
}

/** Each peer's route, by the path every server mounts it at (`/octokit`, `/svix`, `/stripe`). */
export const PEER_ROUTES = {
  octokit: octokitStatus,
  svix: svixStatus,
  stripe: stripeStatus,
} satisfies Record<string, (body: string, header: Header) => 200 | 401 | Promise<200 | 401>>
