/** Public surface of matching: what the bot, the preview CLI and delivery import. */
export { derivedWords, widenQuery } from "./derived.js";
export { explainQuery } from "./explain.js";
export { type MatchInput, matchQuery } from "./matcher.js";
export { loadMorphology, morphologyError, readWord, type WordReading } from "./morphology.js";
export { BODY_MAX_CHARS, cleanForTokens, foldWord } from "./normalize.js";
export { formatQuery, MAX_QUERY_LENGTH, MAX_TERMS, parseQuery, type Query, QueryError } from "./query.js";
export { BOLD_END, BOLD_START, matchedSentence, SNIPPET_MAX_CHARS } from "./snippet.js";
export { SubscriptionIndex } from "./subscription-index.js";
