/* office-files.js: Word and Excel files made in the browser from a description of a document.
   Any tool (a worksheet, the action plan, the agreement builder) describes what it holds in
   these terms, already in the page's language, and asks for a file. */

/* "item": a row's name that the document gives (the publication's item, a question), not typed.
   "score": a whole number the describing tool computed from the row (likelihood × impact), not
   typed: a number in Excel, never a formula. */
type OfficeKind = "text" | "long" | "choice" | "date" | "item" | "score";

interface OfficeColumn {
  label: string;          // the heading, in the page's language
  kind: OfficeKind;
  options?: string[];     // a choice's options as the page shows them (validation list, tick boxes)
}

interface OfficeTable {
  kind: "table";
  title: string;          // "": no heading of its own in Word (a table under a clause of a draft)
  note?: string;          // a line under the title (where it comes from, the prompt)
  columns: OfficeColumn[];
  rows: string[][];       // one string per column; choices as the page shows them; dates as yyyy-mm-dd
  blankRows?: number;     // rows to write in when `rows` is empty (default 8)
}

interface OfficeField {
  kind: "field";
  label: string;
  note?: string;
  type: Exclude<OfficeKind, "item" | "score">;
  options?: string[];
  value: string;
}

interface OfficeText {
  kind: "text";
  text: string;
  heading?: boolean;
}

type OfficePart = OfficeTable | OfficeField | OfficeText;

/* Our words that every file needs, in the page's language. {page} and {pages} in `page`. */
interface OfficeWords {
  page: string;           // "Page {page} of {pages}"
  about: string;          // the Excel sheet of the title and the fields
  choices: string;        // the hidden Excel sheet of the drop-down lists
  question: string;       // the fields' two columns on that sheet
  answer: string;
}

interface OfficeDoc {
  title: string;          // the document's title (and the file's title property)
  subtitle?: string;      // e.g. the partnership's name: on every page with the title
  language: string;       // BCP 47, the page's language
  toolkit: string;        // the author of the file: the toolkit's name
  version: string;        // the toolkit's version
  date?: string;          // ISO: when it was made (default now)
  fileName: string;       // without extension
  intro?: string[];       // paragraphs before the parts
  footer?: string;        // the credit line on every page
  words: OfficeWords;
  parts: OfficePart[];
}

type OfficeFileKind = "docx" | "xlsx";
type OfficePaper = "A4" | "Letter";

interface OfficeFilesApi {
  /** Loads the library the kind needs (once), then makes the file. */
  make(doc: OfficeDoc, kind: OfficeFileKind, paper?: OfficePaper): Promise<Blob>;
  /** make(), then saves it as <fileName>.<kind>; resolves to the file's name. */
  download(doc: OfficeDoc, kind: OfficeFileKind, paper?: OfficePaper): Promise<string>;
  /* Pure parts, for tests/js. */
  widths(table: OfficeTable): number[];
  sheetName(title: string, taken: Record<string, boolean>): string;
  isoDate(text: string): Date | null;
  landscape(table: OfficeTable): boolean;
}

interface Window {
  OfficeFiles?: OfficeFilesApi;
  /* The vendored libraries, present once office-files.js has loaded them. */
  docx?: any;
  ExcelJS?: any;
}
