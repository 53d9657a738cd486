import { createElement, type ReactNode } from 'react'

export default function RootLayout({ children }: { children: ReactNode }) {
  return createElement('html', { lang: 'en' }, createElement('body', null, children))
}
