/**
 * The query language of SPEC «Query syntax»: words (all required), "phrases", prefix*, OR, -exclusions
 * and !exact forms. Parsing compiles every word into closed sets of token keys (see terms.ts), so no
 * query can make matching slow: there are no user regular expressions, only hash look-ups.
 */
import { cleanText } from "../text/normalize.js";
import { compilePiece, isTitleCase, MIN_PREFIX, type Slot, wordPieces } from "../words/terms.js";

/** What is wrong with a query; the sentence that says how to fix it is `query-<problem>` in locales/*.ftl. */
export type QueryProblem =
  | "empty"
  | "too-long"
  | "no-words"
  | "unclosed-quote"
  | "empty-phrase"
  | "only-exclusions"
  | "or-usage"
  | "not-after-or"
  | "star-not-at-end"
  | "short-prefix"
  | "too-many-words"
  | "near-usage"
  | "near-range"
  | "source-usage";

/** A query the user must fix: the chat is told `key` in its language, filled in with `vars`. */
export class QueryError extends Error {
  override readonly name = "QueryError";

  constructor(
    readonly problem: QueryProblem,
    readonly vars: Readonly<Record<string, string | number>> = {},
  ) {
    super(`query-${problem} ${JSON.stringify(vars)}`);
  }

  /** The key of the sentence in locales/*.ftl. */
  get key(): string {
    return `query-${this.problem}`;
  }
}

/** A word or a phrase: slots that must match at consecutive positions (one slot for a word). */
export interface Term {
  readonly slots: readonly Slot[];
  /** canonical text, also what alerts show as the matched term */
  readonly text: string;
  readonly phrase: boolean;
  /** set for `a NEAR/n b`: the two slots within n words of each other, either order */
  readonly near?: number;
  /** a lone word typed with a capital and no quotes, as typed: /subscribe may offer its name-only form */
  readonly capitalised?: string;
}

/** Alternatives joined by OR; any one of them satisfies the clause. */
export interface Clause {
  readonly alternatives: readonly Term[];
}

/** A parsed query; callers treat it as opaque and keep `formatQuery(q)` when they need to store it. */
export interface Query {
  readonly source: string;
  readonly must: readonly Clause[];
  readonly not: readonly Term[];
  /** `source:word`: only feeds whose host or title contains one of these (lower case) */
  readonly sources?: readonly string[];
  /** `-source:word`: never feeds whose host or title contains one of these */
  readonly notSources?: readonly string[];
}

/** Largest distance NEAR/n accepts. */
export const MAX_NEAR = 50;
const NEAR = /^NEAR\/(\d+)$/u;
const SOURCE = /^source:(.*)$/iu;

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 200;
/** Most words a query may contain, counting every word of every phrase. */
export const MAX_TERMS = 20;

const QUOTES = new Set(['"', "«", "»", "“", "”", "„", "‟", "＂"]);
const MINUS = new Set(["-", "−", "–", "—"]);
const SPACE = /\s/u;

interface RawTerm {
  readonly body: string;
  readonly quoted: boolean;
  readonly negated: boolean;
  readonly exact: boolean;
}
type Lexeme = RawTerm | "OR" | { near: number };

function lex(text: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    let negated = false;
    let exact = false;
    // Markers may come in either order: -!стали and !-стали both mean «not this exact form».
    while (i < text.length && (MINUS.has(text[i] as string) || text[i] === "!")) {
      if (text[i] === "!") exact = true;
      else negated = true;
      i++;
    }
    if (i < text.length && QUOTES.has(text[i] as string)) {
      let end = i + 1;
      while (end < text.length && !QUOTES.has(text[end] as string)) end++;
      if (end >= text.length) {
        throw new QueryError("unclosed-quote");
      }
      out.push({ body: text.slice(i + 1, end), quoted: true, negated, exact });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !SPACE.test(text[end] as string) && !QUOTES.has(text[end] as string)) end++;
    const body = text.slice(i, end);
    i = end;
    const near = NEAR.exec(body);
    if (body === "OR" && !negated && !exact) out.push("OR");
    else if (near && !negated && !exact) out.push({ near: Number(near[1]) });
    else if (body.length > 0) out.push({ body, quoted: false, negated, exact });
    // A lone «-» or «!» between words is punctuation, not an operator on nothing.
  }
  return out;
}

function compileTerm(raw: RawTerm): Term | null {
  const words = raw.quoted ? raw.body.split(/\s+/u).filter((w) => w.length > 0) : [raw.body];
  const slots: Slot[] = [];
  const texts: string[] = [];
  for (const word of words) {
    const starIndex = word.indexOf("*");
    const prefix = starIndex >= 0;
    if (prefix && !/^[^*]+\*+$/u.test(word)) {
      throw new QueryError("star-not-at-end", { word });
    }
    const pieces = wordPieces(prefix ? word.slice(0, starIndex) : word);
    if (pieces.length === 0) continue;
    // A capitalised word alone in quotes is the name only (terms.ts nameOnly).
    const name = raw.quoted && words.length === 1 && pieces.length === 1 && !prefix && !raw.exact;
    const compiled = pieces.map((piece, index) =>
      compilePiece(piece, { exact: raw.exact, prefix: prefix && index === pieces.length - 1, name }),
    );
    const last = compiled[compiled.length - 1] as Slot;
    if (last.kind === "prefix" && [...(last.keys[0] as string)].length < MIN_PREFIX) {
      throw new QueryError("short-prefix", { min: MIN_PREFIX, word });
    }
    slots.push(...compiled);
    // Hyphen-joined pieces stay one word in the canonical text, so re-parsing gives the same pieces.
    texts.push(compiled.map((s) => s.text.replace(/^!/, "")).join("-"));
  }
  if (slots.length === 0) {
    if (raw.quoted) throw new QueryError("empty-phrase");
    return null;
  }
  const phrase = raw.quoted || slots.length > 1;
  let text = raw.quoted ? `"${texts.join(" ")}"` : (texts[0] as string);
  if (raw.exact) text = `!${text}`;
  if (raw.negated) text = `-${text}`;
  const typed = words[0] as string;
  const capitalised = !raw.quoted && !raw.exact && slots.length === 1 && isTitleCase(typed);
  return { slots, text, phrase, ...(capitalised ? { capitalised: typed } : {}) };
}

/** Parses a query as typed in /subscribe; throws QueryError saying what to fix when it is bad. */
export function parseQuery(text: string): Query {
  const source = text.trim();
  if (source.length === 0) throw new QueryError("empty");
  if (source.length > MAX_QUERY_LENGTH) {
    throw new QueryError("too-long", { max: MAX_QUERY_LENGTH, length: source.length });
  }
  const groups: Term[][] = [];
  const not: Term[] = [];
  const sources: string[] = [];
  const notSources: string[] = [];
  let pendingOr = false;
  let pendingNear = 0;
  let slotCount = 0;
  for (const lexeme of lex(source)) {
    if (typeof lexeme === "object" && "near" in lexeme) {
      const last = groups[groups.length - 1];
      if (pendingOr || pendingNear || !last || last.length !== 1 || !isWord(last[0] as Term)) {
        throw new QueryError("near-usage");
      }
      if (lexeme.near < 1 || lexeme.near > MAX_NEAR) {
        throw new QueryError("near-range", { max: MAX_NEAR });
      }
      pendingNear = lexeme.near;
      continue;
    }
    if (lexeme !== "OR" && !lexeme.quoted) {
      const site = SOURCE.exec(lexeme.body);
      if (site) {
        const word = cleanText(site[1] as string)
          .toLowerCase()
          .trim();
        if (!word || pendingOr || pendingNear) {
          throw new QueryError("source-usage");
        }
        const list = lexeme.negated ? notSources : sources;
        if (!list.includes(word)) list.push(word);
        continue;
      }
    }
    if (lexeme === "OR") {
      if (groups.length === 0 || pendingOr) {
        throw new QueryError("or-usage");
      }
      pendingOr = true;
      continue;
    }
    const term = compileTerm(lexeme);
    if (!term) continue;
    slotCount += term.slots.length;
    if (slotCount > MAX_TERMS) throw new QueryError("too-many-words", { max: MAX_TERMS });
    if (pendingNear) {
      if (lexeme.negated || !isWord(term)) throw new QueryError("near-usage");
      const group = groups[groups.length - 1] as Term[];
      const first = group[0] as Term;
      group[0] = {
        slots: [first.slots[0] as Slot, term.slots[0] as Slot],
        text: `${first.text} NEAR/${pendingNear} ${term.text}`,
        phrase: false,
        near: pendingNear,
      };
      pendingNear = 0;
      continue;
    }
    if (lexeme.negated) {
      if (pendingOr) throw new QueryError("not-after-or");
      if (!not.some((t) => t.text === term.text)) not.push(term);
      continue;
    }
    if (pendingOr) {
      const group = groups[groups.length - 1] as Term[];
      if (!group.some((t) => t.text === term.text)) group.push(term);
      pendingOr = false;
    } else if (!groups.some((g) => g.length === 1 && g[0]?.text === term.text)) {
      groups.push([term]);
    }
  }
  if (pendingOr) throw new QueryError("or-usage");
  if (pendingNear) throw new QueryError("near-usage");
  if (groups.length === 0) {
    if (not.length > 0) {
      throw new QueryError("only-exclusions");
    }
    throw new QueryError("no-words");
  }
  return {
    source,
    must: groups.map((alternatives) => ({ alternatives })),
    not,
    ...(sources.length > 0 ? { sources } : {}),
    ...(notSources.length > 0 ? { notSources } : {}),
  };
}

function isWord(term: Term): boolean {
  return !term.phrase && term.near === undefined && term.slots.length === 1 && !term.text.startsWith("-");
}

/** Canonical text (lower case except abbreviations, ё → е, one space, straight quotes): store and compare this. */
export function formatQuery(q: Query): string {
  const parts = q.must.map((c) => c.alternatives.map((t) => t.text).join(" OR "));
  for (const t of q.not) parts.push(t.text);
  for (const site of q.sources ?? []) parts.push(`source:${site}`);
  for (const site of q.notSources ?? []) parts.push(`-source:${site}`);
  return parts.join(" ");
}
