// Deno: Deno.serve with the Web fetch handler.
import { createApp } from '../app.mjs'

const { fetch } = createApp(`deno ${Deno.version.deno}`)
Deno.serve(
  { port: Number(Deno.env.get('PORT')), hostname: '127.0.0.1', onListen: () => console.log('listening') },
  fetch,
)
