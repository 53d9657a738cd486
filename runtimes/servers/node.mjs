// Node (20 and 24): core's own Node bridge (`createNodeHandler`) for deliveries, a plain route for /seen.
import { createServer } from 'node:http'
import { createNodeHandler } from '../../packages/core/dist/node.js'
import { createApp } from '../app.mjs'

const { webhooks, report } = createApp(`node ${process.version}`)
const deliveries = createNodeHandler(webhooks)
const server = createServer((req, res) => {
  if (req.url === '/seen')
    return res.setHeader('content-type', 'application/json').end(JSON.stringify(report()))
  return deliveries(req, res)
})
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'))
