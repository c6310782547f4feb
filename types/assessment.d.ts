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
}

interface AssessmentModel {
  version: string;
  content_version: string;
  language?: string;
  strings?: Record<string, string>;
  scale: ScaleOption[];
  modules: { id: string; title: string; url: string; form: string }[];
  steps: { id: string; title: string; module: string; url: string }[];
  tasks: { id: string; title: string; step: string; url: string }[];
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

interface SetAsideItem {
  id: string;
  reason: string;
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

interface NotMigrated {
  errors: string[];
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
  describeSetAside(item: SetAsideItem): string;
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
  read(): { state: AssessmentState; unreadable: string | null };
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
