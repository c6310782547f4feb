/* What docs/assets/js/toolkit-store.js offers (window.ToolkitStore, or require() in Node).
   The implementation is checked against these declarations. */

/* The outcome of a write: nothing is written unless ok. */
interface StoreResult {
  ok: boolean;
  /* unavailable: no storage at all; refused: the change itself refused (message says why:
     a code the page says in its language, RefusalCode); full: the browser refused to store. */
  problem?: "unavailable" | "refused" | "full";
  message?: string;
}

/* Why a change was refused on purpose: no room to keep the earlier version first, or the
   earlier version to restore is gone. */
type RefusalCode = "snapshot-full" | "snapshot-gone";

/* Why an earlier version was kept: a code and what it needs (the page says it in its
   language). Versions kept by version 0.1.0 carry its English label instead, shown as it is. */
interface SnapshotReason {
  code: "unreadable-history" | "unreadable-answers" | "before-set-aside" | "before-convert" | "before-replace" |
        "before-combine" | "before-start-over" | "before-restore" | "before-replace-other-tab" | "kept-copy";
  file?: string;            // before-replace, before-combine: the file imported
  schema?: number;          // before-convert: the schema converted from
  when?: string | null;     // before-restore: when the version restored was kept
}

/* An earlier version of what a tool stored, kept before anything replaced or removed it. */
interface Snapshot {
  id: string;
  when: string | null;
  reason: SnapshotReason | string;
  organisation?: string;
  count?: number;
  data: string;
}

interface SnapshotSummary {
  organisation?: string;
  count?: number;
}

interface SnapshotLimits {
  max: number;
  budget: number;
}

interface RecordConflict<R> {
  id: string;
  kept: "mine" | "theirs";
  mine: R;
  theirs: R;
}

interface Combined<R> {
  records: Record<string, R>;
  added: string[];
  conflicts: RecordConflict<R>[];
}

/* One tool's storage (ToolkitStore.open). */
interface StoreHandle {
  key: string;
  available: boolean;
  read(): string | null;
  /* fn gets the latest stored text and returns what to store: a string or a value for
     JSON.stringify, or null to remove it. It may throw ToolkitStore.Refused. */
  update(fn: (text: string | null) => unknown): StoreResult;
  snapshots(): Snapshot[];
  snapshot(reason: SnapshotReason | string, text: string | null, meta?: SnapshotSummary | null, when?: string | null): Snapshot | null;
  amendSnapshot(id: string, fn: (snap: Snapshot) => ({ data: string } & SnapshotSummary) | null): boolean | null;
  meta(name: string): string | null;
  meta(name: string, value: string | null): boolean | null;
  watch(fn: (why: "storage" | "pageshow" | "visible" | "focus") => void): void;
  persist(done: (granted: boolean | null) => void): void;
}

interface RefusedConstructor {
  new (message: string): Error;
  prototype: Error;
}

interface ToolkitStoreModule {
  PREFIX: string;
  SNAPSHOT_LIMITS: SnapshotLimits;
  Refused: RefusedConstructor;
  combineRecords<R extends object>(mine: Record<string, R>, theirs: Record<string, R>, fields: string[],
                                   fallbacks?: { mine?: string | null; theirs?: string | null }): Combined<R>;
  pushSnapshot(list: Snapshot[], snap: Snapshot, limits?: SnapshotLimits): Snapshot[];
  parseSnapshots(text: string | null): Snapshot[];
  open(tool: string, version: number, win?: Window): StoreHandle;
}
