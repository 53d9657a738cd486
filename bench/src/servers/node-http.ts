/**
 * Plain `node:http`: `/bare` reads the body, JSON.parses it and answers `{}`; `/handwritten` also
 * checks the signature and the schema by hand; `/kit` is core's Node handler, as the core README
 * mounts it; `/octokit`, `/svix` and `/stripe` read the body as `/bare` does and verify it with
 * their library; `GET /cpu` is the process's CPU time.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createNodeHandler } from '@airudder-webhooks/core/node'
import { handwrittenStatus } from '../handwritten-route'
import { benchWebhooks } from '../kit'
import { PEER_ROUTES } from '../peer-routes'
import { cpuMicros } from './cpu'

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>

async function text(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function answer(res: ServerResponse, status: number) {
  res.writeHead(status, { 'content-type': 'application/json' }).end('{}')
}

const header = (req: IncomingMessage) => (name: string) => {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

const { webhooks } = benchWebhooks()
const routes: Record<string, Route> = {
  '/kit': createNodeHandler(webhooks),
  '/bare': async (req, res) => {
    JSON.parse(await text(req))
    answer(res, 200)
  },
  '/handwritten': async (req, res) =>
    answer(res, handwrittenStatus(await text(req), header(req)('x-airudder-sign') ?? null)),
}
for (const [name, status] of Object.entries(PEER_ROUTES))
  routes[`/${name}`] = async (req, res) => answer(res, await status(await text(req), header(req)))

createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/cpu') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(cpuMicros()))
    return
  }
  const route = req.method === 'POST' ? routes[req.url ?? ''] : undefined
  if (!route) return answer(res, 404)
  route(req, res).catch(() => answer(res, 500))
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'))
