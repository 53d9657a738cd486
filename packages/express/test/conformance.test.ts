import { runConformance } from '@airudder-webhooks/conformance'
import express from 'express'
import express4 from 'express4'
import { airudderRouter } from '../src/index'
import { sendTo } from './send'

for (const [name, framework] of [
  ['express 5', express],
  ['express 4', express4],
] as const) {
  runConformance({
    name,
    mount: (webhooks) => sendTo(framework().use(airudderRouter(webhooks))),
    mountAfterJsonParser: (webhooks) =>
      sendTo(framework().use(framework.json()).use(airudderRouter(webhooks))),
  })
}
