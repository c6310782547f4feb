/* The search worker's additions to Material's (docs/assets/javascripts/workers/search-languages.js)
   and their pure core (docs/assets/js/search-core.js, self.SearchCore). The shapes of Material's
   messages are those of its worker (integrations/search in mkdocs-material 9.8). */

/* One result of Material's worker: a page, or a section of one (`location` has an anchor). */
interface SearchItem {
  location: string;
  title: string;
  text: string;
  score: number;
  terms: Record<string, boolean>;   // each word of the query: whether this result holds it
}

interface SearchQueryPlan {
  query: string;                    // what Material's worker is given to search
  typed: Record<string, string>;    // each word of `query`: as the reader typed it
  compounds: string[];              // runs typed as one word and cut into several
}

interface SearchRankContext {
  total: number;                    // documents in the index
  compounds: string[];
  textOf: (location: string) => string;   // a document's text, comparable()
}

interface SearchCoreModule {
  ZERO_WIDTH_SPACE: string;
  HAN_LETTER: RegExp;
  canSegment(): boolean;
  fold(text: string): string;
  segment(text: string, joiner: string): string;
  comparable(text: string): string;
  plan(query: string, separator: string, normalize: (word: string) => string): SearchQueryPlan;
  rank(groups: SearchItem[][], context: SearchRankContext): SearchItem[][];
  showTyped(groups: SearchItem[][], typed: Record<string, string>): SearchItem[][];
}

/* The browser's word segmenter (ES2022's Intl, beyond the es2017 library tsconfig.json checks
   against): what search-core.js uses of it. */
declare namespace Intl {
  interface SegmentData { segment: string; index: number; isWordLike?: boolean }
  interface Segments { [Symbol.iterator](): Iterator<SegmentData> }
  class Segmenter {
    constructor(locale: string, options: { granularity: "grapheme" | "word" | "sentence" });
    segment(text: string): Segments;
  }
}
