// Values that vitest globalSetup files hand to tests through `provide` / `inject`.
declare module "vitest" {
  export interface ProvidedContext {
    /** host:port of the WebSocket-to-TCP proxy started for the integration:postgres project. */
    dbProxyAddress: string;
    /** Base URL of the `next start` server for the e2e project ("" when the suite is skipped). */
    e2eBaseUrl: string;
    /** DATA_DIR of that server's embedded database ("" when the suite is skipped). */
    e2eDataDir: string;
  }
}

export {};
