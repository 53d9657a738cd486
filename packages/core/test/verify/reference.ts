import { createHash, createHmac } from 'node:crypto'
import type { HeaderSignAlgorithm } from '../../src/verify/algorithms'

type Reference = (body: Uint8Array, key: string) => string

function hmac(hash: string, encoding: 'hex' | 'base64'): Reference {
  return (body, key) => createHmac(hash, key).update(body).digest(encoding)
}

function keyFirst(hash: string): Reference {
  return (body, key) => createHash(hash).update(key, 'utf8').update(body).digest('hex')
}

function bodyFirst(hash: string): Reference {
  return (body, key) => createHash(hash).update(body).update(key, 'utf8').digest('hex')
}

/** Each named construction built independently with node:crypto (tests only; core stays edge-safe). */
export const referenceSignature: Readonly<Record<HeaderSignAlgorithm, Reference>> = {
  'hmac-sha256-hex': hmac('sha256', 'hex'),
  'hmac-sha256-base64': hmac('sha256', 'base64'),
  'hmac-sha1-hex': hmac('sha1', 'hex'),
  'hmac-sha1-base64': hmac('sha1', 'base64'),
  'hmac-md5-hex': hmac('md5', 'hex'),
  'hmac-md5-base64': hmac('md5', 'base64'),
  'md5-body-key-hex': bodyFirst('md5'),
  'md5-key-body-hex': keyFirst('md5'),
  'sha256-body-key-hex': bodyFirst('sha256'),
  'sha256-key-body-hex': keyFirst('sha256'),
}
