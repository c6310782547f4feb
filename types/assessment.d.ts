/* The self-assessment's data and the APIs of docs/assets/js/assessment-core.js
   (window.AssessmentCore) and assessment-answers.js (window.AssessmentAnswers).
   The implementations are checked against these declarations. */

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
  strings?: Record<string, string>;
  scale: ScaleOption[];
  /* `lang`: the language of the publication's title, on a page in another (null: the page's). */
  modules: { id: string; title: string; lang?: string | null; url: string; form: string }[];
  steps: { id: string; title: string; lang?: string | null; module: string; url: string }[];
  tasks: { id: string; title: string; lang?: string | null; step: string; url: string }[];
  questions: ModelQuestion[];
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
   set aside by version 0.1.0 carry its English sentence instead, shown as it is. */
type SetAsideReason = "answer-not-object" | "value-not-on-scale" | "text-not-text" | "bad-question-id" | "organisation-not-text";

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
  replaced?: string;
  replaced_snapshot?: string | null;
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

/* One change by the user: fields of one answer (id) or the organisation (id null), with the
   time of each field or one time for all. */
interface AnswerChange {
  id: string | null;
  fields: Record<string, string | null>;
  times?: Record<string, string>;
  updated?: string;
}

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
  emptyState(model: AssessmentModel): AssessmentState;
  migrate(raw: unknown, model: AssessmentModel, now?: string | null): MigrateResult;
  parseImport(text: unknown, model: AssessmentModel, now?: string | null): MigrateResult;
  exportState(state: AssessmentState, model: AssessmentModel, when: string): AssessmentExport;
  applyChange(state: AssessmentState, change: AnswerChange): Record<string, string>;
  stampAfter(wall: string, seen: string | null | undefined): string;
  stampAfter(wall: string | null | undefined, seen: string | null | undefined): string | null | undefined;
  latestStamp(state: AssessmentState): string | null;
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

/* AssessmentAnswers.open(): this page's view of the stored answers. */
interface ImportOutcome extends StoreResult {
  added: string[];
  conflicts: RecordConflict<Answer>[];
}

interface AnswersHandle {
  store: StoreHandle;
  read(): { state: AssessmentState; unreadable: AssessmentProblem | null };
  change(id: string | null, fields: Record<string, string | null>): void;
  hasPending(): boolean;
  flush(): StoreResult;
  repair(): boolean;
  importState(imported: AssessmentState, mode: "combine" | "replace", name: string): ImportOutcome;
  startOver(): StoreResult;
  restore(id: string): StoreResult;
  adoptLegacy(): void;
  writable(): boolean;
  snapshots(): Snapshot[];
  markExported(): void;
  lastExport(): string | null;
  summary(text: string | null): { organisation: string; count: number };
}

interface AssessmentAnswersModule {
  open(core: AssessmentCoreModule, Store: ToolkitStoreModule, model: AssessmentModel, win?: Window,
       clock?: () => string): AnswersHandle;
}
