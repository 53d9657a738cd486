/**
 * @module
 * Signature text encodings without `Buffer`, which edge runtimes lack: base64 through the Web
 * `btoa`, and the normal forms that make hex case and base64 padding irrelevant to a comparison.
 *
 * ```ts
 * bytesToBase64(new Uint8Array([104, 105])) // 'aGk='
 * normaliseBase64('aGk') === normaliseBase64('aGk=') // true
 * ```
 */

/** Standard (RFC 4648 §4) base64 with padding. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/**
 * Maps base64 to one form: the URL-safe alphabet onto the standard one and padding dropped.
 * Safe because both mappings are one-to-one on valid input: no two different digests collide.
 */
export function normaliseBase64(text: string): string {
  return text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
}

/** Hex is compared in lowercase, the form every built-in algorithm produces. */
export function normaliseHex(text: string): string {
  return text.toLowerCase()
}
