/* Workspaces (docs/assets/js/workspace.js, window.Workspaces) and the bar every tool page shows
   (workspace-bar.js). The implementations are checked against these declarations. */

/* The JSON in a tool page's #workspace-model (macros/site/workspaces.py). */
interface WorkspaceModel {
  storage: StorageContract;
  tools: string[];      // every tool's name in the default workspace: the assessment, the plan, each worksheet
  version: string;      // the toolkit's
  strings?: Record<string, string>;
}

interface WorkspaceEntry {
  id: string;
  name: string;   // "" when none was given
}

/* A whole workspace as one file. */
interface WorkspaceExport {
  format: string;
  schema_version: number;
  name: string;
  exported: string;
  toolkit_version: string;
  tools: Record<string, Record<string, Record<string, { value: FieldValue; time: string }>>>;
}

type WorkspaceProblem =
  | { code: "unreadable" | "not-json" | "wrong-format-workspace" | "no-tools" }
  | { code: "too-large"; max: number }
  | { code: "newer-schema"; schema: string; reads: number }
  | { code: "unknown-tool"; tool: string }
  | { code: "bad-record"; record: string }
  | { code: "value-too-long"; record: string; max: number };

type WorkspaceImport =
  | { name: string; tools: Record<string, Incoming>; errors?: undefined }
  | { errors: WorkspaceProblem[] };

/* This tab's workspace, for the tool scripts. */
interface WorkspaceChoice {
  id: string;
  isDefault: boolean;
  tool(base: string): string;
}

interface WorkspacesModule {
  SCHEMA_VERSION: number;
  NAME_MAX: number;
  toolOf(contract: StorageContract, id: string, base: string): string;
  list(contract: StorageContract, registry: LayerState, isRemoved: (record: LayerRecord) => boolean): WorkspaceEntry[];
  exportDoc(contract: StorageContract, name: string, states: Record<string, LayerState>, now: string, version: string,
            isRemoved: (record: LayerRecord) => boolean): WorkspaceExport;
  parseImport(text: unknown, contract: StorageContract, known: string[]): WorkspaceImport;
  rowLike(record: string): boolean;
  chosen(contract: StorageContract, session: Storage | null, layer: DataLayerHandle, entries: WorkspaceEntry[]): string;
  sessionOf(win: Window): Storage | null;
  current(win: Window, contract: StorageContract, Layer: DataLayerModule): WorkspaceChoice;
}
