/** Public surface of matching: what the bot, the preview CLI and delivery import. */

export { SubscriptionIndex } from "./inverted/subscription-index.js";
export { explainQuery } from "./query/explain.js";
export { type MatchInput, matchQuery } from "./query/matcher.js";
export {
  formatQuery,
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  parseQuery,
  type Query,
  QueryError,
} from "./query/query.js";
export { BOLD_END, BOLD_START, matchedSentence, SNIPPET_MAX_CHARS } from "./query/snippet.js";
export { BODY_MAX_CHARS, cleanForTokens, foldWord } from "./text/normalize.js";
export { derivedWords, widenQuery } from "./words/derived.js";
export { loadMorphology, morphologyError, readWord, type WordReading } from "./words/morphology.js";
export { nameOnlyQuery } from "./words/name-only.js";
