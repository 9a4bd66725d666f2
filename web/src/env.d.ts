/// <reference types="vite/client" />

/** Build-time configuration of the dashboard */
interface ImportMetaEnv {
  /** Where the HTTP API lives (default `/api`, same origin) */
  readonly VITE_API_BASE?: string
}
