/* The data layer of docs/assets/js/data-layer.js (window.DataLayer) and the form controls
   bound to it by data-view.js (window.DataLayerView): what the worksheets, the action plan and
   every tool to come keep in the browser. The implementations are checked against these
   declarations. */

/* The storage contract (macros/site/storage.json), carried by every tool's page model. */
interface StorageLimits {
  text: number;            // characters in one field, typed or imported
  answer_text: number;     // a self-assessment note or next action
  organisation: number;    // the name of who answers the self-assessment
  rows: number;            // rows in one table
  import_bytes: number;    // a JSON file
  csv_bytes: number;       // a CSV file
  history_count: number;   // earlier versions of one tool
  history_chars: number;   // ... and their size
}

interface StorageContract {
  format: string;
  version: number;
  namespace: string;
  files: { worksheet: string; plan: string; assessment: string; group: string; schema_version: number };
  data_prefix: string;
  history_prefix: string;
  meta_prefix: string;
  tools: { worksheet: string; plan: string; assessment: string; group: string };
  workspaces: { default: string; prefix: string; registry: string; snapshot: string; tab_key: string; file: string };
  // Keys of version 0.1.0 and of the self-assessment's own store before the data layer.
  legacy: { worksheet: string; worksheet_snapshots: string; plan: string; assessment: string;
            assessment_snapshots: string; assessment_kept: string; assessment_last_export: string };
  limits: StorageLimits;
  save_after_ms: number;
  retry_after_ms: number;
}

/* What a field holds. An empty value ("", null, false) is no version at all. */
type FieldValue = string | number | boolean;

/* A version as stored, under <data_prefix><tool>/<record>/<field>/<version id>. */
interface StoredVersion {
  v: FieldValue;
  t: string;       // its time (ISO), EPOCH when it came without one
  s: string[];     // the versions it replaced
  w?: string[];    // a removal's ("@deleted"): the cells' versions it saw
}

/* A version no other replaced: one of a field's values. */
interface Head {
  id: string;
  value: FieldValue;
  time: string;
  w: string[] | null;
}

/* A field: its value is that of its newest head; several heads are a conflict. */
interface LayerField {
  value: FieldValue;
  time: string;
  id: string;
  heads: Head[];   // newest first
}

type LayerRecord = Record<string, LayerField>;   // field -> field ("@order", "@deleted" on rows)

/* One tool's state: record -> field (maps without prototype: ids come from files). */
interface LayerState {
  records: Record<string, LayerRecord>;
}

/* A change not stored yet, laid over a state (overlay()). */
interface Edit {
  record: string;
  field: string;
  value: FieldValue | null;
}

/* One change for write(): `base` the versions it replaces (the ones the page showed). */
interface WriteOp extends Edit {
  base: string[];
  time?: string;     // an import's time for it ("" or none: now)
  seen?: string[];   // a removal's: the cells' versions it saw
}

type WriteResult =
  | { ok: true; ids: (string | null)[]; problem?: undefined }   // ids: per op, null for an emptied field
  | { ok: false; problem: "unavailable" | "full"; ids?: undefined };

/* What an import or a restore brings: record -> field -> value with its time ("" when the file
   has none, which never beats a value here). */
interface IncomingField {
  value: FieldValue;
  time: string;
}

type Incoming = Record<string, Record<string, IncomingField>>;

/* A field both sides hold with different values, and which one an import kept. */
interface FieldConflict {
  record: string;
  field: string;
  kept: "mine" | "theirs";
  mine: FieldValue;
  theirs: FieldValue;
}

interface ImportPlan {
  ops: WriteOp[];
  added: string[];
  conflicts: FieldConflict[];
}

/* Why an earlier version was kept: a code the pages say in words, with what the words need. */
interface SnapshotReason {
  code: string;
  file?: string;    // the file imported
  table?: string;   // the table a CSV went into
  when?: string | null;   // the version restored
  text?: string;    // version 0.1.0's own reason
}

/* An earlier version of a tool (history_prefix<tool>/<id>): an export's text. Read back from
   storage, where any copy of the toolkit may have written it: only `data` is sure to be text. */
interface HistorySnapshot {
  id: string;
  when: string | null;
  reason: SnapshotReason | null | undefined;
  count: number;
  data: string;
}

type KeepResult =
  | { ok: true; snapshot: HistorySnapshot; dropped: HistorySnapshot[]; problem?: undefined }
  | { ok: false; problem: "full" | "history-full" | "unavailable" };

type PruneResult = { drop: string[]; refuse?: undefined } | { refuse: true; drop?: undefined };

type WatchReason = "storage" | "pageshow" | "visible";

/* One page's view of the layer (DataLayer.open). */
interface DataLayerHandle {
  available: boolean;
  state(tool: string): LayerState;
  write(tool: string, ops: WriteOp[]): WriteResult;
  rescan(): void;
  snapshots(tool: string): HistorySnapshot[];
  keepSnapshot(tool: string, reason: SnapshotReason, data: string, count?: number, at?: unknown): KeepResult;
  removeSnapshot(tool: string, id: string): void;
  meta(tool: string, name: string): string | null;
  meta(tool: string, name: string, value: string | null): boolean;
  raw(key: string): string | null;
  raw(key: string, value: string | null): boolean;
  writable(): boolean;
  dropTools(prefix: string): number;
  watch(fn: (reason: WatchReason) => void): void;
  now(): string;
}

interface DataLayerOptions {
  contract: StorageContract;
  win: Window;
  storage?: Storage | null;   // default: win.localStorage (null: none, as in a blocked browser)
  clock?: () => string;       // ISO time
}

interface DataLayerModule {
  EPOCH: string;
  open(options: DataLayerOptions): DataLayerHandle;
  dict<T = unknown>(): Record<string, T>;
  own(map: object | null | undefined, key: string): boolean;
  isEmpty(value: unknown): value is "" | null | undefined | false;
  isStamp(value: unknown): string | null;
  later(a: string | null | undefined, b: string | null | undefined): string | null;
  stampAfter(wall: string, seen: string | null | undefined): string;
  parseVersion(text: string): StoredVersion | null;
  fieldOf(versions: Record<string, StoredVersion>): LayerField | null;
  headIds(field: LayerField | null): string[];
  isRemoved(record: LayerRecord): boolean;
  cellHeads(record: LayerRecord): string[];
  overlay(state: LayerState, edits: Edit[] | null | undefined, now: string): LayerState;
  importOps(state: LayerState, incoming: Incoming, mode: "combine" | "replace",
            rowLike: ((record: string) => boolean) | null): ImportPlan;
  pruneHistory(list: HistorySnapshot[], snap: HistorySnapshot, limits: StorageLimits): PruneResult;
  parseCSV(input: string, maxRows?: number): string[][] | null;   // null: a quote never closed
  undefuse(cell: string): string;
}

/* --- data-view.js (window.DataLayerView) ------------------------------------------------- */

/* A control bound to a field: a text or date input, a textarea or a select. */
type FieldControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/* What a bound control keeps (its `_dl`). */
interface Binding {
  tool: string;
  record: string;
  field: string;
  shown: FieldValue | null;   // what it showed when last loaded or saved
  base: string[];         // the versions the user typed over
  typed: boolean;         // the user typed since
  alongside: ((value: string) => Record<string, string>) | null | undefined;
  show: ((stored: string) => string) | null | undefined;
  notice: HTMLElement | null;   // the conflict box under it
  noticeKey?: string;
}

type BoundControl = FieldControl & { _dl: Binding };
/* A control a script made or found: bound once bind() has given it its `_dl`. */
type ViewControl = BoundControl | (FieldControl & { _dl?: undefined });

interface BindOptions {
  alongside?: (value: string) => Record<string, string>;   // other fields written with it
  show?: (stored: string) => string;                       // what the control shows of the stored value
}

interface SaveReport {
  ok: boolean;
  problem?: "unavailable" | "full";
  saved: number;
}

/* A change typed and not stored yet (for exports). */
interface PendingEdit extends Edit {
  tool: string;
  value: string;
}

interface DataLayerViewOptions {
  layer: DataLayerHandle;
  win: Window;
  t: (text: string) => string;   // the page's translation
  saveAfter: number;
  retryAfter: number;
  maxText?: number;
  report: (result: SaveReport) => void;
}

interface DataLayerViewHandle {
  bind(el: ViewControl, tool: string, record: string, field: string, opts?: BindOptions | null): void;
  unbind(el: ViewControl): void;
  sync(el: BoundControl): void;
  syncAll(): void;
  flush(): SaveReport;
  pending(): PendingEdit[];
  holds(node: Node): boolean;
  listen(container: Element): void;
  dirty(el: BoundControl): boolean;
  retry(): void;
}

/* Dates and numbers in the page's language (DataLayerView.formats). */
interface LocalFormats {
  time(d: Date): string;
  date(d: Date): string;
  dateTime(iso: string): string;   // "" for a text that is no date
  number(n: number): string;
  percent(n: number): string;      // a score of 0 to 100
}

interface DataLayerViewModule {
  create(options: DataLayerViewOptions): DataLayerViewHandle;
  formats(doc: Document): LocalFormats;
  ready(doc: Document): void;   // the controls that need the page's script enabled, "loading" gone
}
