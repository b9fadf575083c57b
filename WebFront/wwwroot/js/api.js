/*
 * The REST calls the page makes: a feed's recent articles when it is followed, search suggestions,
 * the topic list once at start, and an article's full text when a card is opened. Nothing polls:
 * live articles, follower counts and heads come over the hub (feed-client.js).
 */
import { str } from './dom.js';
import { keyInUrl } from './feed-keys.js';

export class HttpError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function getJson(url, signal) {
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, signal, cache: 'no-store' });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new HttpError(0, 'The server could not be reached.');
  }
  if (!res.ok) throw new HttpError(res.status, await problemText(res));
  return res.json();
}

/** problem+json: the detail, else the first validation message, else the title. */
async function problemText(res) {
  try {
    const problem = await res.json();
    const errors = problem && typeof problem.errors === 'object' && problem.errors ? Object.values(problem.errors).flat() : [];
    const field = errors.find((m) => typeof m === 'string' && m) || '';
    return str(problem.detail) || field || str(problem.title) || `The server answered ${res.status}.`;
  } catch {
    return `The server answered ${res.status}.`;
  }
}

/** `{feed, title, head, followers, items}`: the newest `limit` items, oldest first. */
export const readFeed = (feed, limit) => getJson(`/api/feeds/${encodeURIComponent(feed)}?limit=${limit}`);

/** `{query, feeds:[{feed, kind, title}]}`, best first. */
export const resolveFeeds = (query, signal) => getJson(`/api/feeds/resolve?q=${encodeURIComponent(query)}`, signal);

/** `{topics:[{feed, slug, title}]}`: the server's taxonomy; the page keeps no copy of its own. */
export const listTopics = () => getJson('/api/topics');

export const readArticle = (id) => getJson(`/api/articles/${encodeURIComponent(id)}`);

export const atomUrl = (feed) => `/api/feeds/${keyInUrl(feed)}/atom`;
