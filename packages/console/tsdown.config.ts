import { defineConfig, library } from '../../tsdown.base'

export default defineConfig(library())
