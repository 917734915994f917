/**
 * The near-duplicate detector: decides, for each new item, whether it reports the same event as an item
 * seen in the window (36 h by default) from any feed, and so which story it belongs to.
 */
import { type StoryFeatures, storyFeatures } from "./features.js";
import { DEFAULT_PARAMS, idfOf, type SimilarityParams, storyNorm, storySimilarity } from "./similarity.js";

/** The window within which a re-report joins a story (SPEC: 36 hours). */
export const STORY_WINDOW_MS = 36 * 60 * 60_000;

/** An item as the detector sees it. */
export interface StoryInput {
  id: number;
  title: string;
  summary: string;
  /** canonical link: the same link is the same story whatever the wording */
  linkKey: string | null;
  /** when the bot first saw it (epoch ms); the window is measured on this */
  seenAt: number;
}

/** Which story an item belongs to, and why. */
export interface StoryDecision {
  /** id of the first item of the story */
  storyId: number;
  /** the earlier item it was found to repeat, or null for a new story */
  sameAs: number | null;
  /** "link" (same canonical link), "text" (similar wording) or "new" */
  by: "link" | "text" | "new";
  score: number;
}

interface Entry {
  readonly id: number;
  readonly storyId: number;
  readonly seenAt: number;
  readonly linkKey: string | null;
  readonly features: StoryFeatures;
  /** vector length under the IDF of a window of `normAt` items; refreshed when the window changed much */
  norm: number;
  normAt: number;
}

/** Items sharing a lemma, oldest first; entries before `head` have left the window. */
interface Posting {
  entries: Entry[];
  head: number;
}

// Lemmas in more than this share of the window (РФ, заявить, год) cannot find candidates on their own.
const COMMON_SHARE = 0.02;
const MIN_COMMON = 25;
// Candidates come from the new item's rarest lemmas only; the best few of them are scored in full.
const MAX_PROBES = 12;
const MAX_SCORED = 40;

/** An in-memory window of recent items with an inverted index from lemma to items. */
export class StoryDetector {
  private readonly queue: Entry[] = [];
  private queueHead = 0;
  private readonly postings = new Map<string, Posting>();
  private readonly byLink = new Map<string, Entry>();
  private readonly idf = (lemma: string) => this.idfOf(lemma);

  constructor(
    private readonly params: SimilarityParams = DEFAULT_PARAMS,
    private readonly windowMs = STORY_WINDOW_MS,
  ) {}

  /** Items currently in the window. */
  get size(): number {
    return this.queue.length - this.queueHead;
  }

  /** Decides the story of a new item and adds it to the window. */
  assign(item: StoryInput): StoryDecision {
    this.evict(item.seenAt);
    const features = storyFeatures(item.title, item.summary);
    const decision = this.decide(item, features);
    this.insert({
      id: item.id,
      storyId: decision.storyId,
      seenAt: item.seenAt,
      linkKey: item.linkKey,
      features,
      norm: 0,
      normAt: -1,
    });
    return decision;
  }

  /** Puts back an item whose story is already known (rebuilding the window at start). */
  restore(item: StoryInput, storyId: number): void {
    this.evict(item.seenAt);
    const features = storyFeatures(item.title, item.summary);
    this.insert({
      id: item.id,
      storyId,
      seenAt: item.seenAt,
      linkKey: item.linkKey,
      features,
      norm: 0,
      normAt: -1,
    });
  }

  /** The story of an item in the window with this canonical link, if any. */
  storyOfLink(linkKey: string): number | null {
    return this.byLink.get(linkKey)?.storyId ?? null;
  }

  private decide(item: StoryInput, features: StoryFeatures): StoryDecision {
    if (item.linkKey) {
      const same = this.byLink.get(item.linkKey);
      if (same) return { storyId: same.storyId, sameAs: same.id, by: "link", score: 1 };
    }
    let best: Entry | null = null;
    let bestScore = 0;
    // Every lemma two items share is one of the new item's: their IDF is looked up once per decision.
    const idfs = new Map<string, number>();
    for (const lemma of features.lemmas.keys()) idfs.set(lemma, this.idfOf(lemma));
    const idf = (lemma: string) => idfs.get(lemma) ?? this.idfOf(lemma);
    const norm = storyNorm(features, idf);
    for (const candidate of this.candidates(features)) {
      const score = storySimilarity(
        features,
        candidate.features,
        this.idf,
        this.params,
        norm,
        this.normOf(candidate),
      );
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    if (best && bestScore >= this.params.threshold)
      return { storyId: best.storyId, sameAs: best.id, by: "text", score: bestScore };
    return { storyId: item.id, sameAs: null, by: "new", score: bestScore };
  }

  /** Items sharing the new item's rarest lemmas, ranked by the IDF they share. */
  private candidates(features: StoryFeatures): Entry[] {
    const limit = Math.max(MIN_COMMON, this.size * COMMON_SHARE);
    const probes: Posting[] = [];
    for (const lemma of features.lemmas.keys()) {
      const posting = this.postings.get(lemma);
      if (!posting) continue;
      const df = posting.entries.length - posting.head;
      if (df > 0 && df <= limit) probes.push(posting);
    }
    // A re-report shares its subject's rare words; the rarest few find it without walking long lists.
    probes.sort((x, y) => x.entries.length - x.head - (y.entries.length - y.head));
    if (probes.length > MAX_PROBES) probes.length = MAX_PROBES;
    const shared = new Map<Entry, number>();
    for (const posting of probes) {
      const weight = idfOf(posting.entries.length - posting.head, this.size, this.params.priorDocs);
      for (let i = posting.head; i < posting.entries.length; i++) {
        const e = posting.entries[i] as Entry;
        shared.set(e, (shared.get(e) ?? 0) + weight);
      }
    }
    if (shared.size <= MAX_SCORED) return [...shared.keys()];
    return [...shared]
      .sort((x, y) => y[1] - x[1])
      .slice(0, MAX_SCORED)
      .map(([e]) => e);
  }

  /** An item's vector length, recomputed only when the window grew or shrank by a tenth since. */
  private normOf(entry: Entry): number {
    const size = this.size;
    if (entry.normAt < 0 || Math.abs(size - entry.normAt) * 10 > entry.normAt) {
      entry.norm = storyNorm(entry.features, this.idf);
      entry.normAt = size;
    }
    return entry.norm;
  }

  private idfOf(lemma: string): number {
    const posting = this.postings.get(lemma);
    const df = posting ? posting.entries.length - posting.head : 0;
    return idfOf(df, this.size, this.params.priorDocs);
  }

  private insert(entry: Entry): void {
    this.queue.push(entry);
    for (const lemma of entry.features.lemmas.keys()) {
      let posting = this.postings.get(lemma);
      if (!posting) {
        posting = { entries: [], head: 0 };
        this.postings.set(lemma, posting);
      }
      posting.entries.push(entry);
    }
    if (entry.linkKey) this.byLink.set(entry.linkKey, entry);
  }

  /** Drops items older than the window; items arrive in time order, so they sit at the heads. */
  private evict(now: number): void {
    const cutoff = now - this.windowMs;
    while (this.queueHead < this.queue.length && (this.queue[this.queueHead] as Entry).seenAt < cutoff) {
      const old = this.queue[this.queueHead++] as Entry;
      for (const lemma of old.features.lemmas.keys()) {
        const posting = this.postings.get(lemma);
        if (!posting) continue;
        // Restored items can be slightly out of order: drop the entry wherever it is near the head.
        const at = posting.entries.indexOf(old, posting.head);
        if (at < 0) continue;
        if (at !== posting.head) posting.entries.splice(at, 1);
        else posting.head++;
        if (posting.head === posting.entries.length) this.postings.delete(lemma);
        else if (posting.head > 32 && posting.head * 2 > posting.entries.length) {
          posting.entries = posting.entries.slice(posting.head);
          posting.head = 0;
        }
      }
      if (old.linkKey && this.byLink.get(old.linkKey) === old) this.byLink.delete(old.linkKey);
    }
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }
}
