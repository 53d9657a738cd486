/**
 * @module
 * The pages that are not about data: sign-in, refused, the inbox failing, and the notices shown
 * after an action.
 */
import { type Html, html } from '../html'

export function signInPage(csrf: string, failed: boolean): Html {
  return html`<section aria-labelledby="signin"><h2 id="signin">Sign in</h2>${
    failed ? html`<p class="error" role="alert">That token is not the console's token.</p>` : ''
  }<form method="post" class="filters"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="action" value="sign-in">
<label>Console token<input type="password" name="token" autocomplete="current-password" required autofocus></label>
<div class="actions"><button type="submit" data-busy="Signing in…">Sign in</button></div></form></section>`
}

export const refusedPage = html`<section class="error" role="alert"><h2>Not allowed</h2><p>You are signed in, but not allowed to use the inbox console. Ask whoever runs this service for access.</p></section>`

export const csrfPage = html`<section class="error" role="alert"><h2>This form expired</h2><p>The action was not carried out: the page it came from is too old or from another site. <a href="?">Reload the console</a> and try again.</p></section>`

export function failurePage(what: string): Html {
  return html`<section class="error" role="alert"><h2>The inbox did not answer</h2><p>${what} The server log has the details. <a href="">Try again</a>.</p></section>`
}

const NOTICES: Record<string, (count: string | null) => string> = {
  requeued: () => 'Requeued: the processor will run its handlers again.',
  'requeued-dead': (count) => `Requeued ${count ?? 0} dead event(s).`,
  'not-requeued': () => 'Not requeued: only dead or done events can be (a processor may hold it).',
}

export function noticeOf(params: URLSearchParams): Html {
  const notice = NOTICES[params.get('notice') ?? '']
  return notice
    ? html`<section class="notice" role="status"><p>${notice(params.get('count'))}</p></section>`
    : html``
}
