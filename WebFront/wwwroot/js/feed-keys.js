/*
 * Feed keys as the contract spells them: country:AZ, topic:economy, relation:AZ-KR, all.
 * Only the shape is checked here, exactly as the server's FeedKey does; whether a code or a topic
 * exists is the server's answer (a follow of an unknown one is refused with a message).
 */

const COUNTRY = /^[A-Za-z]{2}$/;
const TOPIC = /^[A-Za-z][A-Za-z-]{0,39}$/;

export const ALL = 'all';

export function isCountryCode(code) {
  return typeof code === 'string' && COUNTRY.test(code);
}

/** The canonical key, or null when the text cannot be one. */
export function canonicalFeed(raw) {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text.toLowerCase() === ALL) return ALL;
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const kind = text.slice(0, colon).trim().toLowerCase();
  const value = text.slice(colon + 1).trim();
  if (kind === 'country') return isCountryCode(value) ? `country:${value.toUpperCase()}` : null;
  if (kind === 'topic') return TOPIC.test(value) ? `topic:${value.toLowerCase()}` : null;
  if (kind === 'relation') {
    if (value.length !== 5 || value[2] !== '-') return null;
    const pair = [value.slice(0, 2), value.slice(3)].map((c) => c.toUpperCase());
    if (!pair.every(isCountryCode) || pair[0] === pair[1]) return null;
    pair.sort();
    return `relation:${pair[0]}-${pair[1]}`;
  }
  return null;
}

export function feedKind(feed) {
  if (feed === ALL) return ALL;
  const i = typeof feed === 'string' ? feed.indexOf(':') : -1;
  return i > 0 ? feed.slice(0, i) : '';
}

/** The part after the colon: a country code, a topic slug, or a relation's "AZ-KR". */
export function feedValue(feed) {
  const i = typeof feed === 'string' ? feed.indexOf(':') : -1;
  return i > 0 ? feed.slice(i + 1) : '';
}

/** The two country codes of a relation key. */
export const relationCodes = (feed) => feedValue(feed).split('-');

export function kindLabel(kind) {
  return { country: 'Country', relation: 'Relation', topic: 'Topic', all: 'Everything' }[kind] || 'Feed';
}

/** For share links: the key readable in the address bar (colons kept). */
export const keyInUrl = (feed) => encodeURIComponent(feed).replace(/%3A/gi, ':');
