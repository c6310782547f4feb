/* The self-assessment's data and the APIs of docs/assets/js/assessment-core.js
   (window.AssessmentCore) and assessment-data.js (window.AssessmentData), and what they use of
   the data layer (namespace Layered). The implementations are checked against these declarations. */

/* window.ASSESSMENT_MODEL, written by the build (macros/site/assessment.py, model()). */
interface ScaleOption {
  key: string;
  label: string;
  score: number | null;   // null: not applicable, left out of scores
}

interface ModelQuestion {
  id: string;
  module: string;
  step: string | null;
  task: string | null;
  principle?: string | null;
  outcome?: string | null;
  text: string;
  source: string;
  url?: string;
  source_title?: string | null;   // the publication's words inside `source` (a key principle's title)
  source_lang?: string | null;    // their language, on a page in another (null: the page's)
}

interface AssessmentModel {
  version: string;
  content_version: string;
  language?: string;
  tool: string;                  // the data layer's tool (storage.json, tools.assessment)
  storage: AssessmentStorage;
  strings?: Record<string, string>;
  scale: ScaleOption[];
  /* `lang`: the language of the publication's title, on a page in another (null: the page's). */
  modules: { id: string; title: string; lang?: string | null; url: string; form: string }[];
  steps: { id: string; title: string; lang?: string | null; module: string; url: string }[];
  tasks: { id: string; title: string; lang?: string | null; step: string; url: string }[];
  questions: ModelQuestion[];
  disagreement: number;          // group scoring: scores this far apart or more are a disagreement
}

/* What is stored and exported. */
type AnswerField = "value" | "note" | "action";

interface Answer {
  value: string | null;   // a scale key
  note: string;
  action: string;
  updated?: string | null;
  times?: Partial<Record<AnswerField, string>>;
}

/* Why an answer was set aside: a code the page says in its language (assessment.js). Items
   set aside by earlier versions carry an English sentence instead, shown as it is. */
type SetAsideReason = "answer-not-object" | "value-not-on-scale" | "text-not-text" | "bad-question-id" | "unreadable-item" |
  "organisation-not-text" | "conflicts-not-list" | "conflict-unusable";

interface SetAsideItem {
  id: string;
  reason: SetAsideReason | string;
  when: string | null;
  data: unknown;
}

interface AssessmentState {
  format: string;
  schema_version: number;
  content_version: string;
  organisation: string;
  organisation_updated?: string;
  answers: Record<string, Answer>;   // a map without prototype: ids may be "constructor"
  set_aside: SetAsideItem[];
  updated: string | null;
  conflicts?: AnswerConflict[];
}

/* The other version of a field changed in two tabs at once (the newest is in `answers`, or is
   the organisation): exported, and kept again as another version when imported. */
interface AnswerConflict {
  id: string | null;             // null: the organisation
  field: AnswerField | "organisation";
  value: string;
  updated: string | null;
}

interface AssessmentExport {
  format: string;
  schema_version: number;
  content_version: string;
  toolkit_version: string;
  exported: string;
  organisation: string;
  organisation_updated?: string;
  updated: string | null;
  answers: Record<string, Answer>;
  set_aside?: SetAsideItem[];
  conflicts?: AnswerConflict[];
}

/* migrate() and parseImport(): a state, or why not. */
interface Migrated {
  errors?: undefined;
  state: AssessmentState;
  unknown: string[];
  setAside: SetAsideItem[];
  migratedFrom: number | null;
}

/* Why a file or the stored answers cannot be read: a code and its figures, which the page says
   in its language (assessment.js, problemText). */
interface AssessmentProblem {
  code: "unreadable" | "too-large" | "not-json" | "not-object" | "wrong-format" | "no-schema" | "newer-schema" | "no-answers";
  size?: number;     // too-large: the file's size and the most an assessment may be, in bytes
  max?: number;
  schema?: number;   // newer-schema: the file's, and the newest this copy reads
  reads?: number;
}

interface NotMigrated {
  errors: AssessmentProblem[];
  state?: undefined;
}

type MigrateResult = Migrated | NotMigrated;

interface ScoreGroup {
  key: string;
  earned: number;
  possible: number;
  answered: number;
  total: number;
  percent: number | null;
}

interface Scores {
  task: Record<string, ScoreGroup>;
  step: Record<string, ScoreGroup>;
  module: Record<string, ScoreGroup>;
}

interface MergeRow {
  question: ModelQuestion;
  answers: (Answer | null)[];
  spread: number;
  answered: number;
}

interface Comparison {
  changes: { question: ModelQuestion; before: string | null; after: string | null; delta: number }[];
  steps: { step: string; before: number | null; after: number | null; delta: number | null }[];
}

interface AssessmentCoreModule {
  FORMAT: string;
  SCHEMA_VERSION: number;
  MAX_IMPORT_BYTES: number;
  MAX_TEXT: number;
  MAX_ORGANISATION: number;
  isStamp(value: unknown): string | null;
  emptyState(model: AssessmentModel): AssessmentState;
  migrate(raw: unknown, model: AssessmentModel, now?: string | null): MigrateResult;
  parseImport(text: unknown, model: AssessmentModel, now?: string | null): MigrateResult;
  exportState(state: AssessmentState, model: AssessmentModel, when: string): AssessmentExport;
  later(a: string | null | undefined, b: string | null | undefined): string | null;
  dict<T = any>(): Record<string, T>;
  own(map: object | null | undefined, key: string): boolean;
  answerCount(state: AssessmentState): number;
  score(state: AssessmentState, model: AssessmentModel): Scores;
  weakest(state: AssessmentState, model: AssessmentModel, count: number): ScoreGroup[];
  merge(partners: { state: AssessmentState }[], model: AssessmentModel): { rows: MergeRow[]; disagreements: MergeRow[] };
  compare(before: AssessmentState, after: AssessmentState, model: AssessmentModel): Comparison;
  toCSV(state: AssessmentState, model: AssessmentModel): string;
}

/* --- assessment-data.js: the answers on the data layer --------------------------------------- */

/* The storage contract (macros/site/storage.json) as the assessment reads it. */
interface AssessmentLegacyKeys {
  assessment: string;
  assessment_snapshots: string;
  assessment_kept: string;
  assessment_last_export: string;
}

interface AssessmentStorage {
  namespace: string;
  data_prefix: string;
  history_prefix: string;
  meta_prefix: string;
  tools: { assessment: string; plan: string; group: string };   // group: group scoring's rounds (storage.json)
  workspaces: StorageContract["workspaces"];
  legacy: AssessmentLegacyKeys & { plan: string };
  limits: { answer_text: number; organisation: number; history_count: number; history_chars: number };
  save_after_ms: number;
  retry_after_ms: number;
}

/* A question both sides of an import answered differently, and what was kept: the whole
   answer's ("mine", "theirs"), or the newer of each field ("each"). */
interface ImportConflict {
  id: string;
  kept: "mine" | "theirs" | "each";
}

interface ImportResult {
  ok: boolean;
  /* unavailable: no storage; full: the browser refused to store; history-full: no room for the
     earlier version to keep first; unreadable, gone: the earlier version to restore. */
  problem?: string;
  added: string[];               // question ids new here
  conflicts: ImportConflict[];
  dropped: Layered.Snapshot[];   // earlier versions removed to make room (said to the user)
}

interface AssessmentDataOptions {
  Layer: Layered.Module;
  layer: Layered.Handle;
  core: AssessmentCoreModule;
  model: AssessmentModel;
  tool: string;
}

interface AssessmentDataHandle {
  state(edits?: Layered.Edit[]): AssessmentState;
  choose(id: string, value: string): Layered.SaveReport;
  storeChoices(): Layered.SaveReport;
  hasChoices(): boolean;
  importState(imported: AssessmentState, mode: "combine" | "replace", file: string): ImportResult;
  startOver(): ImportResult;
  restore(id: string): ImportResult;
  merge(incoming: AssessmentState): ImportResult;
  snapshots(): Layered.Snapshot[];
  removeSnapshot(id: string): void;
  adoptLegacy(keys: AssessmentLegacyKeys): { moved: boolean; unreadable: boolean };
  markExported(): void;
  lastExport(): string | null;
  heads(id: string): Layered.Head[];   // the stored versions of a question's answer, newest first
}

interface AssessmentDataModule {
  ANSWER: string;
  ORG: string;
  ASIDE: string;
  stateOf(Layer: Layered.Module, core: AssessmentCoreModule, model: AssessmentModel, state: Layered.State): AssessmentState;
  incomingOf(Layer: Layered.Module, state: AssessmentState): Layered.Incoming;
  open(options: AssessmentDataOptions): AssessmentDataHandle;
  organisationOf(text: string): string;
}

/* What the assessment uses of the data layer (docs/assets/js/data-layer.js, window.DataLayer)
   and of data-view.js (window.DataView), declared by the shape it needs; data-layer.js says
   what each part means. */
declare namespace Layered {
  type FieldValue = string | number | boolean;

  interface Head {
    id: string;
    value: FieldValue;
    time: string;
    w: string[] | null;
  }

  interface Field {
    value: FieldValue;
    time: string;
    id: string;
    heads: Head[];   // newest first; several: a conflict
  }

  interface State {
    records: Record<string, Record<string, Field>>;
  }

  interface Edit {
    record: string;
    field: string;
    value: FieldValue | null;
  }

  interface WriteOp extends Edit {
    base: string[];
    time?: string;
  }

  type WriteResult =
    | { ok: true; ids: (string | null)[]; problem?: undefined }
    | { ok: false; problem: "unavailable" | "full"; ids?: undefined };

  type Incoming = Record<string, Record<string, { value: FieldValue; time: string }>>;

  interface FieldConflict {
    record: string;
    field: string;
    kept: "mine" | "theirs";
  }

  interface ImportPlan {
    ops: WriteOp[];
    added: string[];
    conflicts: FieldConflict[];
  }

  interface SnapshotReason {
    code: string;
    file?: string;
    when?: string | null;
    text?: string;
  }

  interface Snapshot {
    id: string;
    when: string | null;
    reason: SnapshotReason | null | undefined;
    count: number;
    data: string;
  }

  type KeepResult =
    | { ok: true; snapshot: Snapshot; dropped: Snapshot[]; problem?: undefined }
    | { ok: false; problem: "full" | "history-full" | "unavailable" };

  interface SaveReport {
    ok: boolean;
    problem?: string;
    saved: number;
  }

  interface Handle {
    available: boolean;
    state(tool: string): State;
    write(tool: string, ops: WriteOp[]): WriteResult;
    snapshots(tool: string): Snapshot[];
    keepSnapshot(tool: string, reason: SnapshotReason, data: string, count?: number, at?: unknown): KeepResult;
    removeSnapshot(tool: string, id: string): void;
    meta(tool: string, name: string): string | null;
    meta(tool: string, name: string, value: string | null): boolean;
    raw(key: string): string | null;
    raw(key: string, value: string | null): boolean;
    writable(): boolean;
    watch(fn: (reason: string) => void): void;
    now(): string;
  }

  interface Module {
    open(options: { contract: AssessmentStorage; win: Window; storage?: Storage | null; clock?: () => string }): Handle;
    dict<T = any>(): Record<string, T>;
    own(map: object | null | undefined, key: string): boolean;
    isStamp(value: unknown): string | null;
    later(a: string | null | undefined, b: string | null | undefined): string | null;
    headIds(field: Field | null): string[];
    overlay(state: State, edits: Edit[] | null | undefined, now: string): State;
    importOps(state: State, incoming: Incoming, mode: "combine" | "replace", rowLike: ((record: string) => boolean) | null): ImportPlan;
  }

  /* A change typed and not stored yet. */
  interface PendingEdit extends Edit {
    tool: string;
    value: string;
  }

  interface View {
    bind(el: HTMLInputElement | HTMLTextAreaElement, tool: string, record: string, field: string): void;
    syncAll(): void;
    flush(): SaveReport;
    pending(): PendingEdit[];
    listen(container: HTMLElement): void;
    retry(): void;
  }

  interface ViewModule {
    create(options: { layer: Handle; win: Window; t: (text: string) => string; saveAfter: number; retryAfter: number;
                      maxText?: number; report: (result: SaveReport) => void }): View;
  }
}
