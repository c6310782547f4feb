/* "Keep this language on this device": the list the build writes (keep.json,
   macros/outputs/webapp.py), what the page records of the copy kept, and the few service worker
   types docs/sw.js uses (tsconfig.json's lib is the page's, "dom", which lacks them). */

interface KeepFile {
  path: string;          // relative to the language's folder
  sha256: string;
  bytes: number;
  on_request: boolean;   // PDFs, Word and Excel files: kept only when asked for
}

interface KeepList {
  format: string;
  version: string;       // a hash of the files listed
  built: string;         // YYYY-MM-DD
  strings: Record<string, string>;
  files: KeepFile[];
}

/* What the meta cache holds at <folder>__keep__/current (docs/sw.js reads it). */
interface KeptCopy {
  version: string;       // the version pages are served from
  built: string;
  kept: string;          // when it was stored (ISO date and time)
  files: boolean;        // with the PDFs, Word and Excel files
  ready?: string;        // a newer version stored in the background, used after "Reload"
}

interface KeepExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

interface KeepFetchEvent extends KeepExtendableEvent {
  readonly request: Request;
  readonly clientId: string;
  readonly resultingClientId: string;
  respondWith(response: Promise<Response> | Response): void;
}

interface KeepMessageEvent extends KeepExtendableEvent {
  readonly data: unknown;
}

interface KeepClients {
  matchAll(options?: { includeUncontrolled?: boolean; type?: string }): Promise<ReadonlyArray<{ id: string }>>;
}

interface KeepWorkerScope {
  readonly registration: { readonly scope: string };
  readonly clients: KeepClients;
  readonly location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: KeepExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: KeepFetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: KeepMessageEvent) => void): void;
}
