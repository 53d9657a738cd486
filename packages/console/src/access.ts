/**
 * @module
 * Who may use the console, and CSRF. Either the app's `authorize(request)` decides (its own
 * session or SSO), or a `token`: sent as `Authorization: Bearer <token>`, or typed once into the
 * sign-in form, which sets an HttpOnly, SameSite=Strict cookie holding a digest of it (never the
 * token). Every POST must carry the form's CSRF value, equal to a random HttpOnly cookie set on
 * the first page (double submit), and come from the same origin when the browser says where from.
 */

export type Authorize = (request: Request) => boolean | Promise<boolean>

const SESSION_COOKIE = 'airudder_console_session'
const CSRF_COOKIE = 'airudder_console_csrf'
const encoder = new TextEncoder()

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Equal strings, in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0)
  }
  return difference === 0
}

export function cookie(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

function cookieHeader(request: Request, name: string, value: string, maxAge?: number): string {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : ''
  const age = maxAge === undefined ? '' : `; Max-Age=${maxAge}`
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict${secure}${age}`
}

export interface Access {
  /** `true`: let in; `'sign-in'`: show the token form; `false`: refused by `authorize`. */
  check(request: Request): Promise<boolean | 'sign-in'>
  /** The cookie that signs in with `token`, or `undefined` when it is wrong. */
  signIn(request: Request, token: string): Promise<string | undefined>
  signOut(request: Request): string
}

export function createAccess(options: {
  authorize?: Authorize | undefined
  token?: string | undefined
}): Access {
  const { authorize, token } = options
  const digest = token
    ? crypto.subtle
        .digest('SHA-256', encoder.encode(`@airudder-webhooks/console session\n${token}`))
        .then(toHex)
    : undefined
  return {
    async check(request) {
      if (authorize) return authorize(request)
      const bearer = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1]
      if (bearer && token && safeEqual(bearer, token)) return true
      const session = cookie(request, SESSION_COOKIE)
      return session && digest && safeEqual(session, await digest) ? true : 'sign-in'
    },
    async signIn(request, typed) {
      if (!token || !digest || !safeEqual(typed, token)) return undefined
      return cookieHeader(request, SESSION_COOKIE, await digest, 8 * 3600)
    },
    signOut: (request) => cookieHeader(request, SESSION_COOKIE, '', 0),
  }
}

/** The request's CSRF value, and the cookie to set when it had none yet. */
export function csrfOf(request: Request): { value: string; setCookie: string | undefined } {
  const existing = cookie(request, CSRF_COOKIE)
  if (existing && /^[0-9a-f]{32}$/.test(existing)) return { value: existing, setCookie: undefined }
  const value = toHex(crypto.getRandomValues(new Uint8Array(16)))
  return { value, setCookie: cookieHeader(request, CSRF_COOKIE, value) }
}

/** A POST is genuine when its form's `csrf` equals the cookie and no browser header says it came from elsewhere. */
export function csrfValid(request: Request, form: URLSearchParams): boolean {
  const expected = cookie(request, CSRF_COOKIE)
  const sent = form.get('csrf')
  if (!expected || !sent || !safeEqual(expected, sent)) return false
  const site = request.headers.get('sec-fetch-site')
  if (site && site !== 'same-origin') return false
  // Hosts, not origins: behind a TLS-terminating proxy the app sees http while the browser says https.
  const origin = request.headers.get('origin')
  return !origin || (URL.canParse(origin) && new URL(origin).host === new URL(request.url).host)
}
