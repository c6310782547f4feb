/* The self-assessment's data and the APIs of docs/assets/js/assessment-core.js
   (window.AssessmentCore) and assessment-data.js (window.AssessmentData). What they use of the
   data layer is declared once, in data-layer.d.ts. The implementations are checked against these
   declarations. */

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
  storage: StorageContract;
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
  code: "unreadable" | "too-large" | "not-json" | "not-object" | "wrong-format" | "no-schema" | "newer-schema" | "no-answers" |
        "csv-not-csv" | "csv-too-many-rows" | "csv-columns";
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

/* The legacy keys of the storage contract (StorageContract, data-layer.d.ts) the assessment moves over. */
interface AssessmentLegacyKeys {
  assessment: string;
  assessment_snapshots: string;
  assessment_kept: string;
  assessment_last_export: string;
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
  dropped: HistorySnapshot[];   // earlier versions removed to make room (said to the user)
}

interface AssessmentDataOptions {
  Layer: DataLayerModule;
  layer: DataLayerHandle;
  core: AssessmentCoreModule;
  model: AssessmentModel;
  tool: string;
}

interface AssessmentDataHandle {
  state(edits?: Edit[]): AssessmentState;
  choose(id: string, value: string): SaveReport;
  storeChoices(): SaveReport;
  hasChoices(): boolean;
  importState(imported: AssessmentState, mode: "combine" | "replace", file: string): ImportResult;
  startOver(): ImportResult;
  restore(id: string): ImportResult;
  merge(incoming: AssessmentState): ImportResult;
  snapshots(): HistorySnapshot[];
  removeSnapshot(id: string): void;
  adoptLegacy(keys: AssessmentLegacyKeys): { moved: boolean; unreadable: boolean };
  markExported(): void;
  lastExport(): string | null;
  heads(id: string): Head[];   // the stored versions of a question's answer, newest first
}

interface AssessmentDataModule {
  ANSWER: string;
  ORG: string;
  ASIDE: string;
  stateOf(Layer: DataLayerModule, core: AssessmentCoreModule, model: AssessmentModel, state: LayerState): AssessmentState;
  incomingOf(Layer: DataLayerModule, state: AssessmentState): Incoming;
  open(options: AssessmentDataOptions): AssessmentDataHandle;
  organisationOf(text: string): string;
  fromCSV(Layer: DataLayerModule, core: AssessmentCoreModule, model: AssessmentModel, text: string, limits: StorageLimits, now: string): MigrateResult;
  doneOf(Layer: DataLayerModule, planState: LayerState, legacyText: string | null, answers: Record<string, Answer>): Record<string, boolean>;
}
