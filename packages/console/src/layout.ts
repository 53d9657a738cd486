/**
 * @module
 * The page shell: one HTML document with its stylesheet and a few lines of script inlined under a
 * per-response nonce, and headers for a strict CSP (nothing loads from anywhere, not even this
 * origin's other paths), no framing, no caching, no referrer sent to other sites (same-origin keeps the
 * Origin header that the CSRF check reads).
 */
import { Html, html } from './html'
import { STYLES } from './styles'

/** Marks a form busy while it posts: the loading state (the page works without it). */
const SCRIPT = `document.addEventListener('submit',function(e){var b=e.target.querySelector('button[type=submit],button:not([type])');if(b){b.disabled=true;b.textContent=b.dataset.busy||'Working…'}document.body.setAttribute('aria-busy','true')})`

export interface Page {
  readonly title: string
  readonly nav?: 'overview' | 'reconcile' | undefined
  readonly hasReconcile?: boolean | undefined
  readonly body: Html
  readonly status?: number | undefined
}

function nonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
}

export function pageResponse(page: Page, extraHeaders: Headers = new Headers()): Response {
  const n = nonce()
  const current = (name: Page['nav']) => (page.nav === name ? html` aria-current="page"` : '')
  const document = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="same-origin"><title>${page.title} · AIRudder inbox</title>
<style nonce="${n}">${new Html(STYLES)}</style></head>
<body><a class="skip" href="#main">Skip to content</a>
<header><h1>AIRudder inbox</h1>${
    page.nav
      ? html`<nav aria-label="Console"><a href="?"${current('overview')}>Events</a>${
          page.hasReconcile ? html`<a href="?view=reconcile"${current('reconcile')}>Reconciliation</a>` : ''
        }</nav>`
      : ''
  }</header>
<main id="main" tabindex="-1">${page.body}</main>
<script nonce="${n}">${new Html(SCRIPT)}</script></body></html>`
  const headers = new Headers(extraHeaders)
  headers.set('content-type', 'text/html; charset=utf-8')
  headers.set(
    'content-security-policy',
    `default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'; img-src data:; form-action 'self'; ` +
      "frame-ancestors 'none'; base-uri 'none'",
  )
  headers.set('x-frame-options', 'DENY')
  headers.set('x-content-type-options', 'nosniff')
  headers.set('referrer-policy', 'same-origin')
  headers.set('cache-control', 'no-store')
  return new Response(document.value, { status: page.status ?? 200, headers })
}
