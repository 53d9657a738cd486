// Bun: Bun.serve with the Web fetch handler.
import { createApp } from '../app.mjs'

const { fetch } = createApp(`bun ${Bun.version}`)
Bun.serve({ port: Number(process.env.PORT), hostname: '127.0.0.1', fetch })
console.log('listening')
