/**
 * The app's one receiver, verified with the keys from the environment (see `optionsFromEnv`),
 * each event logged as one line. Replace the logging with your own handlers; every route that
 * receives AIRudder webhooks imports `webhooks` from here.
 */
import { optionsFromEnv, summarizeEvent } from '@airudder-webhooks/core'
import { createWebhooks } from '@airudder-webhooks/next'

const { unconfigured, ...verification } = optionsFromEnv(process.env)
export const webhooks = createWebhooks({ ...verification, logger: console })

if (unconfigured.length > 0) {
  // Refused (401) rather than accepted unchecked: say once how to turn them on.
  console.log(
    `not accepted until configured: ${unconfigured.join(', ')} ` +
      '(set AIRUDDER_HEADER_ALGORITHM for the X-AIRudder-Sign header, ' +
      'AIRUDDER_URL_TOKEN for unsigned pushes and unknown shapes)',
  )
}

webhooks.onAny((event) => console.log(summarizeEvent(event)))
// The code and the type only: a body can hold names and phone numbers.
webhooks.onError((error) => console.error(`webhook error ${error.code} (${error.event?.type ?? 'no event'})`))
