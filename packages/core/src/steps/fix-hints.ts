/**
 * @module
 * What to do about a refused delivery, appended to the message AIRudder is answered with (and
 * that the kit logs). Hints name options and commands, never a key, a signature or a body.
 */

/** After an md5 `Sign` mismatch: the usual causes are a different KEY, or AIRudder's default one. */
export const WRONG_KEY_HINT =
  "check the KEY: AIRudder signs with its default KEY 'airudder' unless one is set in its console " +
  '(createWebhooks({ key }) and AIRUDDER_KEY take several, comma-separated, while rotating); ' +
  'test a captured delivery with `npx airudder-webhooks verify delivery.json --key <KEY>`'

/** After a header signature mismatch: the construction is not published, so it may be the wrong one. */
export const WRONG_HEADER_HINT =
  'check the header key and algorithm: `npx airudder-webhooks detect-signature --body body.json ' +
  "--signature '<X-AIRudder-Sign>' --key <KEY>` finds which construction AIRudder used"

/** For a type with no check: how to configure one, by family. */
export function unconfiguredHint(type: string): string {
  const dot = type.indexOf('.')
  const family = dot === -1 ? type : type.slice(0, dot)
  if (family === 'pds') {
    return (
      "AIRudder does not sign predictive-dialer pushes: add verify: { 'pds.*': urlToken({ tokens }) } " +
      "and append ?token=… to the callback URL (or AIRUDDER_URL_TOKEN with optionsFromEnv), or 'pds.*': " +
      "ipAllowlist([...]) with AIRudder's addresses, or opt out with 'pds.*': false"
    )
  }
  if (family === 'chatbot' || type === 'workflow.chatbot.session_ended') {
    return (
      `set verify: { '${type}': headerSign({ algorithm, keys }) } (AIRUDDER_HEADER_ALGORITHM with ` +
      'optionsFromEnv); `npx airudder-webhooks detect-signature` finds the algorithm from one real delivery'
    )
  }
  return (
    `set verify: { '${type}': urlToken({ tokens }) } (or '*' for every unsigned push; ` +
    `AIRUDDER_URL_TOKEN with optionsFromEnv), or opt out with '${type}': false`
  )
}
