import { discoverFeedLinks, guessFeedAnchors, looksLikeHtml } from "../discover.js";
import { FeedError, isFeedError } from "../errors.js";
import { decodeFeed } from "./decode.js";
import { type ParsedFeed, parseFeed } from "./parse.js";

/** Decodes and parses bytes; an HTML page becomes not-a-feed carrying the feeds it advertises. */
export async function parseBody(
  body: Uint8Array,
  contentType: string | null,
  url: string,
): Promise<ParsedFeed> {
  const text = decodeFeed(body, contentType);
  try {
    return await parseFeed(text, url);
  } catch (err) {
    if (isFeedError(err) && err.kind === "not-a-feed" && looksLikeHtml(text)) {
      const advertised = discoverFeedLinks(text, url);
      const discovered = advertised.length > 0 ? advertised : guessFeedAnchors(text, url);
      if (discovered.length > 0) {
        throw new FeedError(
          "not-a-feed",
          "feed-found",
          { url: discovered[0] as string },
          { discovered, cause: err },
        );
      }
    }
    throw err;
  }
}
