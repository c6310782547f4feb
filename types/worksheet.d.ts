/* The worksheets and the action plan: their page models and the API of
   docs/assets/js/worksheet-core.js (window.WorksheetCore), which worksheet.js and action-plan.js
   use. The implementation is checked against these declarations. */

/* --- the page models: JSON the build writes into each page (macros/site/worksheets.py) ---- */
type ValueKind = "text" | "long" | "choice" | "date";

interface WorksheetColumn {
  id: string;
  heading: string;   // English on every page: it heads the CSV files
  label: string;     // the heading as the page's language says it
  kind: ValueKind;
  options: string[];   // English: what is stored and exported
  labels: string[];    // the options as the page's language says them, in the same order
  scores?: number[];   // for a choice a score multiplies: what each option counts for
}

interface FixedRow {
  id: string;
  label: string;
}

interface WorksheetTable {
  kind: "table";
  id: string;
  title: string;
  task: string;
  actions: boolean;
  columns: WorksheetColumn[];
  fixed: FixedRow[];   // empty: people add rows
  score?: string[];    // the choice columns whose scores multiply into a column computed on the page
  score_heading?: string | null;   // that column's heading, in the page's language (also in the Word and Excel files)
  grid?: { name: string, x: string, y: string } | null;   // the rows drawn on a grid: by the x and y choice columns
  column_names?: { table: string, column: string, columns: string[] } | null;   // columns headed by the rows of another table
}

interface WorksheetField {
  kind: "field";
  id: string;
  label: string;       // in the page's language
  type: ValueKind;
  options: string[];   // English: what is stored and exported
  labels: string[];    // the options as the page's language says them
}

type WorksheetPart = WorksheetField | WorksheetTable;

/* browser_model(): the JSON in a worksheet page's #worksheet-model. */
interface WorksheetModel {
  format: string;
  schema_version: number;
  id: string;
  title: string;
  version: string;
  content_version: string;
  tool: string;
  storage: StorageContract;
  parts: WorksheetPart[];
  strings?: Record<string, string>;
  file: WorksheetFileModel;
}

/* browser_model()'s "file": our words for the worksheet's Word and Excel files, in the page's
   language (macros/site/worksheets.py, file_model). */
interface WorksheetFileModel {
  title: string;
  intro: string[];
  footer: string;
  toolkit: string;
  language: string;
  notes: Record<string, string>;                                   // part id -> where it comes from, its prompt
  items: Record<string, { heading: string; names: string[] }>;     // table id -> its fixed rows' names, in order
  grids: Record<string, WorksheetGridFile>;                        // table id -> the grid its rows are placed on
  partnership: string;                                             // the field naming the partnership
  draft: WorksheetDraftModel | null;                               // a worksheet that drafts a document (the agreement)
  words: OfficeWords & { partnership: string };
}

/* A table's grid as the page draws it (interest × influence), in the page's language: options
   are stored values (English), labels what the page shows. */
interface WorksheetGridFile {
  title: string;
  note: string;
  name: string;           // the column naming a row on the grid
  x: string;              // the choice columns placing it
  y: string;
  columns: { option: string; label: string }[];                      // left to right
  rows: { option: string; label: string; regions: number[] }[];      // top to bottom, each cell's region
  regions: { title: string; strategy: string }[];
  unplaced: string;       // "Not placed yet (…):"
}

/* A worksheet's draft document, in the page's language: its clauses, numbered, each with the
   ids of the parts whose answers go under it. */
interface WorksheetDraftModel {
  title: string;
  empty: string;          // "(not yet written)"
  file_name: string;
  clauses: { title: string; parts: string[] }[];
}

interface WorksheetOfficeModule {
  describe(model: WorksheetModel, state: LayerState, now: string): OfficeDoc;
  describeDraft(model: WorksheetModel, state: LayerState, now: string): OfficeDoc | null;
  describePlan(plan: PlanModel, actions: PlanAction[], now: string, task: (id: string) => string): OfficeDoc;
}

/* A worksheet table the action plan gathers actions from. */
interface PlanTable {
  sheet: string;
  sheet_title: string;
  table: string;
  title: string;
  task: string;
  tool: string;
  url: string;
}

interface PlanQuestion {
  id: string;
  task: string | null;
  source: string | null;
  text: string;
  url: string | null;
}

/* plan_model(): the JSON in the action plan's #plan-model. */
interface PlanModel {
  format: string;
  schema_version: number;
  tool: string;
  assessment_tool: string;
  storage: StorageContract;
  statuses: string[];   // English, the first one the default: what is stored and exported
  status_labels: string[];   // the statuses as the page's language says them, in the same order
  columns: string[];
  tasks: Record<string, string>;        // task id -> title, in the publication's order
  task_urls: Record<string, string>;    // task id -> its guidance, relative to the plan
  soon_days: number;                    // "due soon": due within this many days
  questions: PlanQuestion[];
  tables: PlanTable[];
  strings?: Record<string, string>;
  version: string;
  file: {   // our words for its Word and Excel files (macros/site/worksheets.py, plan_file_model)
    title: string; toolkit: string; language: string; footer: string;
    columns: string[];   // Action, Owner, Due, Status, Task, From
    words: OfficeWords;
  };
}

/* --- what worksheet-core.js returns ------------------------------------------------------ */

/* What rowsOf() needs of a table: the action plan reads a worksheet's rows with only their ids. */
interface RowSource {
  id: string;
  fixed?: FixedRow[];
  columns: { id: string }[];
}

interface SheetRow {
  id: string;
  label?: string;   // a fixed row's
  fixed: boolean;
  order: number;
  values: Record<string, string>;
  record: string;   // "r:<table>:<row>"
}

/* Where a value a problem names is: a field, a table's cell, or a line and column of a file. */
type ProblemPlace =
  | { field: string; table?: undefined; line?: undefined; column?: undefined }
  | { table: string; row: string; column: string; field?: undefined; line?: undefined }
  | { line: number; column: string; field?: undefined; table?: undefined };

/* Why a file or a value is refused: a code and what its message needs. The pages say it in
   the reader's language (problemText in worksheet.js and action-plan.js). */
type ValueProblem =
  | { code: "value-not-text" | "value-not-date"; at: ProblemPlace }
  | { code: "value-too-long"; at: ProblemPlace; max: number }
  | { code: "value-not-choice"; at: ProblemPlace; value: string };

type FileProblem =
  | { code: "unreadable" | "not-json" | "not-object" | "csv-not-csv" }
  | { code: "too-large"; max: number }
  | { code: "newer-schema"; schema: string; reads: number };

type WorksheetProblem =
  | FileProblem
  | ValueProblem
  | { code: "wrong-format" | "no-records" }
  | { code: "other-worksheet"; worksheet: string; expected: string }
  | { code: "bad-record"; record: string }
  | { code: "too-many-rows"; table: string; rows: number; max: number }
  | { code: "csv-too-many-rows"; max: number }
  | { code: "csv-columns"; table: string }
  | { code: "csv-row-unknown"; line: number; row: string }
  | { code: "csv-row-id"; line: number };

type PlanProblem =
  | FileProblem
  | ValueProblem
  | { code: "wrong-format-plan" | "no-actions" | "plan-csv-columns" }
  | { code: "plan-bad-id" | "plan-unknown-table"; line: number }
  | { code: "too-many-rows"; table: string; rows: number; max: number };

/* What checkValue() knows of a value: a choice's options, or a date. */
type ValueSpec = { kind: "choice"; options: string[] } | { kind: "text" | "long" | "date"; options?: string[] };

/* The other version of a field changed in two tabs at once, as an export lists it. */
interface FileConflict {
  record: string;
  field: string;
  value: string;
  updated: string;
}

/* A record as files and version 0.1.0 keep it (schema 1), its text checked; the rest is
   checked as incomingOf() reads it. */
interface FileRecord {
  value?: string;                    // "f:<field>"
  values?: Record<string, string>;   // "r:<table>:<row>": column -> text
  order?: unknown;
  updated?: unknown;
  times?: unknown;
  deleted?: unknown;
}

interface WorksheetExport {
  format: string;
  schema_version: number;
  worksheet: string;
  title: string;
  toolkit_version: string;
  content_version: string;
  exported: string;
  records: Record<string, { value: string; updated: string } |
                          { values: Record<string, string>; order: number; updated: string; times: Record<string, string> }>;
  conflicts?: FileConflict[];
}

/* A file's other version of a field (its "conflicts"): the text checked, the time as the file gives it. */
interface ImportedConflict {
  record: string;
  field: string;
  value: string;
  updated?: unknown;
}

type WorksheetImport =
  | { incoming: Incoming; conflicts: ImportedConflict[]; errors?: undefined }
  | { errors: WorksheetProblem[] };

type CsvImport =
  | { rows: { id: string | null; values: Record<string, string> }[]; errors?: undefined }
  | { errors: WorksheetProblem[] };

/* One action of the plan: an assessment's next action or a worksheet's action row. */
interface PlanActionBase {
  id: string;             // "assessment:<question>" or "worksheet:<sheet>:<table>:<row>"
  action: string;
  owner: string;
  due: string;
  status: string;
  statusReset: boolean;   // the action was rewritten after its status was set
  task: string;
  source: string | null;
  url: string | null;
  tool: string;           // where its owner, due date and status are kept
  record: string;
  notes: string;
  completed: string;      // the day it was done (YYYY-MM-DD), set when marked done
  order: number | null;   // its place in the plan, once someone placed it
  planRecord: string;     // the plan's record of it (notes, completion date, place), in the plan's tool
}

interface AssessmentPlanAction extends PlanActionBase {
  kind: "assessment";
  question: string;
}

interface WorksheetPlanAction extends PlanActionBase {
  kind: "worksheet";
  sheet: string;
  table: string;
  row: string;
}

/* An action added on the plan itself: all of it kept in the plan ("plan:<id>"). */
interface OwnPlanAction extends PlanActionBase {
  kind: "plan";
}

type PlanAction = AssessmentPlanAction | WorksheetPlanAction | OwnPlanAction;

type PlanField = "action" | "owner" | "due" | "status" | "notes" | "completed" | "task";

/* An action's flag on a given day. */
interface DueFlag {
  code: "overdue" | "due-soon";
  days: number;
}

interface PlanExport {
  format: string;
  schema_version: number;
  exported: string;
  actions: (Pick<PlanAction, "id" | "action" | "owner" | "due" | "status" | "task" | "source"> & { notes?: string; completed?: string } &
            { times?: Partial<Record<PlanField, string>> })[];
}

/* One action as a plan file gives it (JSON or CSV), before it is checked; `line`: its place
   in the file. */
interface PlanFileAction {
  id?: unknown;
  action?: unknown;
  owner?: unknown;
  due?: unknown;
  status?: unknown;
  notes?: unknown;
  completed?: unknown;
  task?: unknown;
  times?: unknown;
  line: number;
}

/* Where one action of a plan file goes. */
interface PlanTarget {
  tool: string;
  record: string;
  fields: Record<string, IncomingField>;
}

type PlanImport = { targets: PlanTarget[]; errors?: undefined } | { errors: PlanProblem[] };

interface WorksheetCoreModule {
  FORMAT: string;
  PLAN_FORMAT: string;
  SCHEMA_VERSION: number;
  fieldValue(state: LayerState, id: string): string;
  isRowRecord(id: string): boolean;
  rowsOf(state: LayerState, table: RowSource): SheetRow[];
  nextOrder(state: LayerState, table: RowSource): number;
  newRowId(now: string, random?: number): string;
  answerCount(state: LayerState, model: { parts: WorksheetPart[] }): number;
  checkValue(value: unknown, spec: ValueSpec | null | undefined, at: ProblemPlace, limits: StorageLimits): ValueProblem | null;
  incomingOf(records: Record<string, FileRecord>): Incoming;
  parseImport(fileText: unknown, model: WorksheetModel, limits: StorageLimits): WorksheetImport;
  legacyIncoming(stored: string): Incoming | null;
  adoptLegacyWorksheet(layer: DataLayerHandle, contract: StorageContract, sheetId: string, tool: string): boolean;
  exportDoc(model: WorksheetModel, state: LayerState, now: string): WorksheetExport;
  csvCell(value: unknown): string;
  tableCSV(table: WorksheetTable, rows: SheetRow[]): string;
  parseCSV(input: string, maxRows?: number): string[][] | null;
  csvRows(input: unknown, table: WorksheetTable, limits: StorageLimits): CsvImport;
  csvIncoming(state: LayerState, table: WorksheetTable, rows: { id: string | null; values: Record<string, string> }[],
              newId: () => string): Incoming;
  gatherActions(plan: PlanModel, assessmentText: string | null, sheetStates: Record<string, LayerState>,
                planState: LayerState | null): PlanAction[];
  sortActions(actions: PlanAction[], key: string, direction: string, statuses: string[]): PlanAction[];
  planRecordOf(actionId: string): string;
  localDay(d: Date): string;
  dueFlag(action: { due: string; status: string }, today: string, soonDays: number, doneStatus: string): DueFlag | null;
  reorder(all: PlanAction[], shown: PlanAction[], moved: string, by: -1 | 1): { action: PlanAction; order: number }[];
  planCSV(actions: PlanAction[]): string;
  planExport(actions: PlanAction[], now: string, times?: Record<string, Partial<Record<PlanField, string>>>): PlanExport;
  parsePlanImport(fileText: unknown, plan: PlanModel, limits: StorageLimits, kind: "csv" | "json"): PlanImport;
}
