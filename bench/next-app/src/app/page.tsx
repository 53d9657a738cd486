export default function Home() {
  return 'airudder-webhooks benchmark app'
}
