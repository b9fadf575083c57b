/*
 * What the page remembers: the followed feeds (local storage, and the address bar as a share link
 * ?follow=relation:AZ-KR,topic:economy) and which of them notify. A link wins over storage, so opening
 * a shared link shows what was shared.
 */
import { keyInUrl } from './feed-keys.js';

const STORAGE_KEY = 'feed.follows.v1';

function readStored() {
  try {
    const data = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
    return data && Array.isArray(data.feeds) ? data.feeds.filter((f) => f && typeof f.feed === 'string') : [];
  } catch { return []; }
}

/** The feeds to follow at start, as written (the caller checks them): `{feeds:[{feed, title, notify}], fromLink}`. */
export function readFollows() {
  const params = new URLSearchParams(location.search);
  const stored = readStored();
  if (!params.has('follow')) return { feeds: stored, fromLink: false };
  const byKey = new Map(stored.map((f) => [f.feed, f]));
  const linked = params.getAll('follow').join(',').split(/[,\s]+/).filter(Boolean);
  // A shared link carries no titles or notification choices: keep ours for feeds we already had.
  return { feeds: linked.map((feed) => byKey.get(feed) || { feed }), fromLink: true };
}

/** Saves the follows and makes the address bar a share link of them. */
export function saveFollows(list) {
  const feeds = list.map(({ feed, title, notify }) => ({ feed, title: title || undefined, notify: notify || undefined }));
  try { localStorage.setItem(STORAGE_KEY, JSON.stringify({ feeds })); } catch { /* private mode: this visit only */ }
  try {
    const params = new URLSearchParams(location.search);
    params.delete('follow');
    const parts = params.toString() ? [params.toString()] : [];
    if (feeds.length) parts.push(`follow=${feeds.map((f) => keyInUrl(f.feed)).join(',')}`);
    const next = `${location.pathname}${parts.length ? `?${parts.join('&')}` : ''}${location.hash}`;
    if (next !== location.pathname + location.search + location.hash) history.replaceState(history.state, '', next);
  } catch { /* the address bar is only a convenience */ }
}

export function shareLink(keys) {
  return `${location.origin}${location.pathname}?follow=${keys.map(keyInUrl).join(',')}`;
}

/** ?debug or localStorage "feed.debug" = "1": SignalR logs to the console. */
export function debugLogging() {
  try {
    return new URLSearchParams(location.search).has('debug') || localStorage.getItem('feed.debug') === '1';
  } catch { return false; }
}
