/**
 * @module
 * `createConsole({ inbox, token | authorize })`: the whole console as one Web handler. Views and
 * actions travel in the query string and the form body, never in the path, so the handler works
 * under whatever path it is mounted. GET renders; every change is a POST with a CSRF value,
 * answered by a redirect (303) back to a page that shows what happened.
 */
import type { Inbox } from '@airudder-webhooks/core'
import { type Authorize, createAccess, csrfOf, csrfValid } from './access'
import { listOptions, readFilters } from './filters'
import { html } from './html'
import { type Page, pageResponse } from './layout'
import { eventPage, notFound } from './views/event'
import { csrfPage, failurePage, noticeOf, refusedPage, signInPage } from './views/messages'
import { overview } from './views/overview'
import { type ReconcileSource, reconcilePage } from './views/reconcile'

export interface ConsoleOptions {
  /** The inbox to show: memory, SQLite or PostgreSQL (`webhooks.inbox`). */
  readonly inbox: Inbox
  /**
   * Who may use it: your own check (session, SSO, IP) for each request. Either this or `token`
   * is required: the console refuses to start without one.
   */
  readonly authorize?: Authorize | undefined
  /** A shared secret (at least 16 characters): `Authorization: Bearer <token>`, or typed into the sign-in form. */
  readonly token?: string | undefined
  /** A reconcile store (`@airudder-webhooks/client` and the SQLite/PostgreSQL packages): adds its per-task report. */
  readonly reconcile?: ReconcileSource | undefined
  /** Where the console logs the inbox's failures (pino and the console fit). Default `console`. */
  readonly logger?: { error(fields: Record<string, unknown>, message: string): void } | false | undefined
}

/** The console: a Web handler for GET and POST, mounted under any path. */
export type InboxConsole = (request: Request) => Promise<Response>

const PACKAGE = '@airudder-webhooks/console'

function checkOptions(options: ConsoleOptions): void {
  if (!options || typeof options.inbox?.list !== 'function') {
    throw new TypeError(
      `${PACKAGE}: pass the inbox to show, e.g. createConsole({ inbox: webhooks.inbox, token })`,
    )
  }
  if (!options.authorize && !options.token) {
    throw new TypeError(
      `${PACKAGE}: refusing to serve the inbox to anyone: pass authorize(request) (your own session check) ` +
        'or token (a secret of 16 characters or more, e.g. process.env.CONSOLE_TOKEN)',
    )
  }
  if (options.token !== undefined && options.token.length < 16) {
    throw new TypeError(
      `${PACKAGE}: token must be at least 16 characters (generate one: openssl rand -hex 24)`,
    )
  }
}

function redirect(to: string, setCookie?: string): Response {
  const headers = new Headers({ location: to, 'cache-control': 'no-store' })
  if (setCookie) headers.append('set-cookie', setCookie)
  return new Response(null, { status: 303, headers })
}

/** The page's own URL with a new query: a relative reference, so any mount path holds. */
function here(request: Request, query: string): string {
  return `${new URL(request.url).pathname}${query}`
}

export function createConsole(options: ConsoleOptions): InboxConsole {
  checkOptions(options)
  const { inbox, reconcile } = options
  const access = createAccess(options)
  const logger = options.logger === false ? undefined : (options.logger ?? console)
  const hasReconcile = reconcile !== undefined

  const render = (page: Omit<Page, 'hasReconcile'>, csrf: ReturnType<typeof csrfOf>) => {
    const headers = new Headers()
    if (csrf.setCookie) headers.append('set-cookie', csrf.setCookie)
    return pageResponse({ ...page, hasReconcile }, headers)
  }

  const view = async (request: Request, csrf: ReturnType<typeof csrfOf>): Promise<Response> => {
    const params = new URL(request.url).searchParams
    const now = Date.now()
    const notice = noticeOf(params)
    if (params.get('view') === 'event') {
      const id = params.get('id') ?? ''
      const entry = id ? await inbox.get(id) : undefined
      if (!entry)
        return render({ title: 'Not found', nav: 'overview', body: notFound(id), status: 404 }, csrf)
      const body = eventPage({ entry, reveal: params.get('reveal') === '1', csrf: csrf.value, now })
      return render({ title: entry.type, nav: 'overview', body: html`${notice}${body}` }, csrf)
    }
    if (params.get('view') === 'reconcile' && reconcile) {
      const tasks = await reconcile.list({ limit: 200 })
      return render({ title: 'Reconciliation', nav: 'reconcile', body: reconcilePage(tasks, now) }, csrf)
    }
    const filters = readFilters(params)
    const [stats, entries] = await Promise.all([inbox.stats(), inbox.list(listOptions(filters))])
    const body = overview({ stats, entries, filters, csrf: csrf.value, now })
    return render({ title: 'Events', nav: 'overview', body: html`${notice}${body}` }, csrf)
  }

  const act = async (request: Request, form: URLSearchParams): Promise<Response> => {
    const action = form.get('action')
    if (action === 'requeue') {
      const id = form.get('id') ?? ''
      const done = await inbox.requeue(id)
      return redirect(
        here(
          request,
          `?view=event&id=${encodeURIComponent(id)}&notice=${done ? 'requeued' : 'not-requeued'}`,
        ),
      )
    }
    if (action === 'requeue-dead') {
      const type = form.get('type') || undefined
      const count = await inbox.requeueDead(type)
      const filter = type ? `&type=${encodeURIComponent(type)}` : ''
      return redirect(here(request, `?notice=requeued-dead&count=${count}${filter}`))
    }
    if (action === 'sign-out') return redirect(here(request, '?'), access.signOut(request))
    return new Response('Unknown action', { status: 400 })
  }

  return async (request) => {
    const method = request.method.toUpperCase()
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
      return new Response('Method not allowed', { status: 405, headers: { allow: 'GET, HEAD, POST' } })
    }
    const csrf = csrfOf(request)
    const form = method === 'POST' ? new URLSearchParams(await request.text().catch(() => '')) : undefined
    if (form && !csrfValid(request, form)) {
      return render({ title: 'Expired form', body: csrfPage, status: 403 }, csrf)
    }
    const allowed = await access.check(request)
    if (allowed === 'sign-in') {
      if (form?.get('action') === 'sign-in') {
        const session = await access.signIn(request, form.get('token') ?? '')
        if (session) return redirect(here(request, '?'), session)
        return render({ title: 'Sign in', body: signInPage(csrf.value, true), status: 401 }, csrf)
      }
      return render({ title: 'Sign in', body: signInPage(csrf.value, false), status: 401 }, csrf)
    }
    if (!allowed) return render({ title: 'Not allowed', body: refusedPage, status: 403 }, csrf)
    try {
      return form ? await act(request, form) : await view(request, csrf)
    } catch (thrown) {
      logger?.error(
        { error: thrown instanceof Error ? thrown.name : typeof thrown },
        `${PACKAGE}: the inbox failed while serving the console`,
      )
      const what = form ? 'The action was not carried out.' : 'The page could not be built.'
      return render({ title: 'Error', nav: 'overview', body: failurePage(what), status: 503 }, csrf)
    }
  }
}
