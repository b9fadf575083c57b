/*
 * What feeds are called. Titles come from the server: the topic list (GET /api/topics) at start, and
 * every title an answer carries (Subscribe, a feed's history, search suggestions) is remembered. Until
 * one is known, a country is named by the browser (Intl.DisplayNames) and a topic by its slug.
 */
import { str } from './dom.js';
import { ALL, feedKind, feedValue, relationCodes, isCountryCode } from './feed-keys.js';
import { listTopics } from './api.js';

const known = new Map();
/** Topic feed keys in the server's order, once loaded. */
let topicKeys = [];

const regionNames = (() => {
  try { return new Intl.DisplayNames(['en'], { type: 'region' }); } catch { return null; }
})();

export function countryName(code) {
  if (!isCountryCode(code)) return str(code);
  const up = code.toUpperCase();
  try { return (regionNames && regionNames.of(up)) || up; } catch { return up; }
}

function fallbackTitle(feed) {
  const kind = feedKind(feed);
  const value = feedValue(feed);
  if (kind === ALL) return 'Latest from everywhere';
  if (kind === 'country') return countryName(value);
  if (kind === 'relation') {
    const [a, b] = relationCodes(feed);
    return `${countryName(a)} – ${countryName(b)} relations`;
  }
  if (kind === 'topic') return value.charAt(0).toUpperCase() + value.slice(1).replace(/-/g, ' ');
  return str(feed);
}

export function titleOf(feed) {
  return known.get(feed) || fallbackTitle(feed);
}

/** Remembers a title the server gave; returns whether it changed. */
export function learnTitle(feed, title) {
  if (!str(title) || known.get(feed) === title) return false;
  known.set(feed, title);
  return true;
}

export const topicTitle = (slug) => titleOf(`topic:${str(slug).toLowerCase()}`);

export const topicFeeds = () => topicKeys;

/** Loads the server's topics; the page works on with fallbacks if this fails. */
export async function loadTopics() {
  try {
    const data = await listTopics();
    const list = Array.isArray(data && data.topics) ? data.topics : [];
    for (const t of list) learnTitle(t.feed, t.title);
    topicKeys = list.map((t) => t.feed);
  } catch { /* titles fall back to the slug until an answer names them */ }
}
