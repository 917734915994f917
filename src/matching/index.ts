/** Public surface of matching: what the bot, the preview CLI and delivery import. */
export { explainQuery } from "./explain.js";
export { type MatchInput, matchQuery } from "./matcher.js";
export { loadMorphology, morphologyError, readWord, type WordReading } from "./morphology.js";
export { cleanForTokens, foldWord } from "./normalize.js";
export { formatQuery, MAX_QUERY_LENGTH, MAX_TERMS, parseQuery, type Query, QueryError } from "./query.js";
export { SubscriptionIndex } from "./subscription-index.js";
