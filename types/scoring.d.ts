/* Group scoring (docs/assets/js/scoring-core.js, window.ScoringCore; the pages' scripts
   send-answers.js and group-scoring.js). It reads the self-assessment's model. */

type ScoringModel = Pick<AssessmentModel, "scale" | "modules" | "questions" | "disagreement">;
type ScoringQuestion = ModelQuestion;

/* Why a link or a file was refused: a code the page says in its language. */
type ScoringProblem =
  | "empty" | "not-a-link" | "too-long" | "damaged" | "newer-version" | "other-questions" | "bad-value" | "bad-name"
  | "file-too-large" | "file-other-format" | "file-no-answers";

/* One participant's answers to one module, read from a link. */
interface Participant {
  payload: string;
  module: string;
  token: number;                             // random, kept on their device
  name: string;                              // "" unless they chose to include it
  values: Record<string, string | null>;     // question id -> scale key
}

type DecodeResult = { ok: true; participant: Participant; code?: undefined } | { ok: false; code: ScoringProblem; participant?: undefined };

interface Round {
  module: string | null;
  participants: Participant[];               // in the order they first came (P1, P2 ...)
  problems: Record<string, number>;          // ScoringProblem -> how many payloads
}

interface QuestionFigures {
  question: ScoringQuestion;
  answered: number;                          // any answer, "not applicable" too
  scored: number;                            // answers with a score
  median: number | null;
  spread: number | null;                     // highest score less lowest
  disagree: boolean;                         // spread >= the model's disagreement, with two scores or more
  byValue: Record<string, number[]>;         // scale key -> participants' positions
}

interface MedianChange {
  question: ScoringQuestion;
  before: number | null;
  after: number | null;
  change: number | null;
}

interface ScoringCoreModule {
  FORMAT_VERSION: number;
  FRAGMENT: string;
  FILE_FORMAT: string;
  MAX_NAME: number;
  MAX_PARTICIPANTS: number;
  MAX_TEXT: number;
  questionSet(model: ScoringModel, moduleId: string): number;
  questionsOf(model: ScoringModel, moduleId: string): ScoringQuestion[];
  cleanName(name: unknown): string;
  encode(model: ScoringModel, moduleId: string, answers: Record<string, unknown>, who: { token: number; name?: string }): string;
  decode(model: ScoringModel, payload: string): DecodeResult;
  linkOf(base: string, payload: string): string;
  payloadsIn(text: string): string[];
  round(model: ScoringModel, payloads: string[]): Round;
  unionLines(texts: string[]): string[];
  median(values: number[]): number | null;
  figures(model: ScoringModel, participants: Participant[], moduleId: string): QuestionFigures[];
  compare(before: QuestionFigures[], after: QuestionFigures[]): MedianChange[];
  participantFile(payload: string, when: string): string;
  payloadsOfFile(text: string): { ok: true; payloads: string[]; code?: undefined } | { ok: false; code: ScoringProblem; payloads?: undefined };
  roundFile(payloads: string[], when: string, moduleId: string): string;
  toBase64url(bytes: number[]): string;
  fromBase64url(text: string): number[] | null;
  fnv(bytes: number[] | Uint8Array): number;
}

/* The vendored QR encoder (docs/assets/vendor/qrcode-generator/), loaded only when asked. */
interface QRCodeMatrix {
  addData(data: string, mode?: "Byte"): void;
  make(): void;
  getModuleCount(): number;
  isDark(row: number, col: number): boolean;
}
type QRCodeFactory = (typeNumber: number, errorCorrectionLevel: "L" | "M" | "Q" | "H") => QRCodeMatrix;
