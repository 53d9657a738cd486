// Express 4 is installed as the alias `express4` (no types of its own). Its API is the subset of
// Express 5's that these tests use, so Express 5's types describe it well enough.
declare module 'express4' {
  export { default } from 'express'
}
