// Plain createElement rather than JSX: the repository's root tsconfig, which type-checks every
// example, sets no `jsx` option.
import { createElement } from 'react'

export default function Home() {
  return createElement(
    'main',
    null,
    createElement('h1', null, 'AIRudder webhooks'),
    createElement('p', null, 'AIRudder posts to ', createElement('code', null, '/webhooks/airudder'), '.'),
  )
}
