// Plain createElement rather than JSX: the repository's root tsconfig, which type-checks every
// example, sets no `jsx` option.
import { createElement, type ReactNode } from 'react'

export const metadata = { title: 'AIRudder webhooks' }

export default function RootLayout({ children }: { readonly children: ReactNode }) {
  return createElement('html', { lang: 'en' }, createElement('body', null, children))
}
