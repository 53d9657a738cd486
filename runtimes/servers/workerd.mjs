// Cloudflare's workerd: a module worker, bundled by smoke.mjs (workerd reads no node_modules).
import { createApp } from '../app.mjs'

const { fetch } = createApp('workerd')
export default { fetch }
