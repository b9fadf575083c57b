/*
 * Feed's live page: wires the parts together. It holds the followed feeds and what follows from a
 * follow or an unfollow; each part does one job in its own module:
 *   feed-client.js  the live connection (resume, once across feeds, gaps, pushed counts)
 *   api.js          REST calls (a feed's recent articles, search, topics, an article's text)
 *   cards.js        article cards          chips.js   followed feeds      search.js  finding feeds
 *   titles.js       what feeds are called  icons.js   flags and icons     storage.js follows kept
 *   notifications.js  system notifications and the unread count           toasts.js  messages
 * An idle page makes no requests: articles, heads and follower counts are pushed over the hub.
 */
import { FeedClient } from '../feed-client.js';
import { $, h, plural } from './dom.js';
import { ALL, canonicalFeed, feedKind, kindLabel } from './feed-keys.js';
import { readFeed } from './api.js';
import { titleOf, learnTitle, loadTopics } from './titles.js';
import { feedIcon, icon } from './icons.js';
import { CardList, viaFooter, followFooter } from './cards.js';
import { renderChips, renderChip, flashChip } from './chips.js';
import { setupSearch, focusSearch } from './search.js';
import { readFollows, saveFollows, shareLink, debugLogging } from './storage.js';
import { toast, announce, announceArticles } from './toasts.js';
import * as notifications from './notifications.js';

const HISTORY_LIMIT = 20;      // recent articles shown when a feed is followed
const LATEST_LIMIT = 12;       // articles from everywhere shown on a first visit
const MAX_CARDS = 300;         // the stream drops its oldest cards past this
const MAX_LATEST_CARDS = 40;
const FOLLOW_BUTTONS = 4;      // feeds offered under each article from everywhere
const CLOCK_EVERY_MS = 30000;  // relative times ("2 min ago") move on; no request
const BLIP_MS = 4000;          // shorter outages get no "back live" message
const STARTER_FEEDS = ['relation:AZ-KR', 'topic:economy', 'country:KR', 'topic:politics', 'country:AZ', 'country:US'];

/** Followed feeds in the order followed: key -> { key, head, followers, live, loading, error, gap, notify, chip… } */
const feeds = new Map();
const els = {
  empty: $('empty'), starter: $('starter'), stream: $('stream'), streamMeta: $('stream-meta'), waiting: $('stream-waiting'),
  skeletons: $('skeletons'), latestWaiting: $('latest-waiting'), notices: $('notices'), conn: $('conn'), copy: $('copy-link'),
};
const client = new FeedClient({ logLevel: debugLogging() ? 2 : undefined });

const stream = new CardList($('articles'), {
  testId: 'article-card', max: MAX_CARDS, topbar: $('topbar'), changed: updateView,
  pill: { button: $('new-pill'), text: $('new-pill-text') },
  footer: viaFooter((key) => feeds.has(key)),
});
const latest = new CardList($('latest-articles'), {
  testId: 'latest-card', max: MAX_LATEST_CARDS, topbar: $('topbar'), changed: updateView,
  footer: followFooter((key) => follow(key), FOLLOW_BUTTONS),
});
let latestShown = false;

// ------------------------------------------------------------------------------ following

function newFeed(key, saved = {}) {
  learnTitle(key, saved.title);
  return { key, head: null, followers: null, live: false, loading: false, error: '', gap: false, notify: !!saved.notify, chip: null };
}

async function follow(raw, title) {
  const key = canonicalFeed(raw);
  if (!key || key === ALL) { toast(`“${raw}” is not a feed this page understands.`, { error: true }); return; }
  if (feeds.has(key)) { flashChip(feeds.get(key)); return; }
  learnTitle(key, title);
  const fs = newFeed(key);
  feeds.set(key, fs);
  changedFollows();
  await start(fs);
}

/** Shows a followed feed's recent articles, then follows it live from the newest of them. */
async function start(fs) {
  fs.loading = true;
  updateView();
  let after = null;
  try {
    const data = await readFeed(fs.key, HISTORY_LIMIT);
    if (feeds.get(fs.key) !== fs) return;
    if (learnTitle(fs.key, data.title)) save();
    fs.head = Number(data.head);
    fs.followers = Number(data.followers);
    for (const item of data.items || []) stream.add(item.article, { via: fs.key });
    after = fs.head;
  } catch (e) {
    if (feeds.get(fs.key) !== fs) return;
    if (e.status === 400 || e.status === 404) {
      drop(fs.key);
      toast(`Can't follow ${titleOf(fs.key)}: ${e.message}`, { error: true });
      return;
    }
    fs.error = 'Recent articles could not be loaded; showing new ones as they arrive.';
  } finally {
    fs.loading = false;
    renderChip(fs);
    updateView();
  }
  client.follow(fs.key, { after });
}

function drop(key) {
  if (!feeds.delete(key)) return;
  client.unfollow(key);
  stream.removeWhere((rec) => ![...rec.feeds].some((f) => feeds.has(f)));
  removeNotice(key);
  changedFollows();
  // A slot may have freed up for a feed the server refused (too many subscriptions).
  for (const fs of feeds.values()) if (fs.error && !fs.loading && !client.isLive(fs.key)) client.follow(fs.key, { after: fs.head });
}

function unfollow(key) {
  if (!feeds.has(key)) return;
  const title = titleOf(key);
  drop(key);
  toast(`Unfollowed ${title}.`, { key: `unfollow:${key}`, action: { label: 'Undo', run: () => follow(key, title) } });
  if (!feeds.size) focusSearch();
}

async function toggleNotify(key) {
  const fs = feeds.get(key);
  if (!fs) return;
  if (!fs.notify && !(await notifications.askPermission())) {
    toast(notifications.permission() === 'unsupported' ? 'This browser cannot show notifications.'
      : 'Notifications are blocked for this site; allow them in the browser’s site settings to turn them on.', { error: true });
    return;
  }
  fs.notify = !fs.notify;
  renderChip(fs);
  save();
  announce(fs.notify ? `Notifications on for ${titleOf(key)} while this tab is in the background.` : `Notifications off for ${titleOf(key)}.`);
}

function save() {
  saveFollows([...feeds.values()].map((fs) => ({ feed: fs.key, title: titleOf(fs.key), notify: fs.notify })));
  els.copy.disabled = feeds.size === 0;
}

function changedFollows() {
  renderChips(feeds.values(), { unfollow, toggleNotify });
  save();
  stream.refreshFooters();
  updateView();
}

// ------------------------------------------------------------------------------ what shows

/** The first visit (nothing followed) shows starters and the latest from everywhere; otherwise the stream. */
function updateView() {
  const following = feeds.size > 0;
  els.empty.hidden = following;
  els.stream.hidden = !following;
  if (following === latestShown) showLatest(!following);
  const loading = [...feeds.values()].some((fs) => fs.loading);
  const shown = stream.shown;
  els.skeletons.hidden = !(following && loading && shown === 0);
  els.waiting.hidden = !following || loading || shown > 0;
  els.streamMeta.textContent = shown ? plural(stream.size, 'article', 'articles') : '';
  els.latestWaiting.hidden = latest.shown > 0;
}

/** Follows `all` while nothing else is followed, so the page moves from the first second. */
async function showLatest(show) {
  latestShown = show;
  if (!show) {
    client.unfollow(ALL);
    latest.clear();
    return;
  }
  let after = null;
  try {
    const data = await readFeed(ALL, LATEST_LIMIT);
    if (!latestShown) return;
    for (const item of data.items || []) latest.add(item.article);
    after = Number(data.head);
  } catch { /* live articles still come */ }
  if (latestShown) client.follow(ALL, { after });
  updateView();
}

function renderStarter() {
  els.starter.replaceChildren(...STARTER_FEEDS.map((key) => h('li', null, h('button', {
    type: 'button', class: 'starter-feed', 'data-testid': 'suggested-feed', dataset: { feed: key }, on: { click: () => follow(key) },
  }, feedIcon(key), h('span', { class: 'starter-text' }, h('span', { class: 'starter-title', text: titleOf(key) }),
    h('span', { class: 'starter-kind', text: kindLabel(feedKind(key)) })), h('span', { class: 'starter-plus', 'aria-hidden': 'true', text: '+' })))));
}

function showGapNotice(fs) {
  removeNotice(fs.key);
  els.notices.append(h('div', { class: 'notice notice-warn', 'data-testid': 'history-gap', role: 'status', dataset: { feed: fs.key } },
    h('span', { class: 'notice-icon', 'aria-hidden': 'true' }, icon('alert-triangle')),
    h('span', { class: 'notice-text' }, h('strong', { text: titleOf(fs.key) }),
      ': some articles were skipped. The feed no longer keeps everything published while this page was away, so a few of them can’t be shown.'),
    h('button', {
      type: 'button', class: 'notice-close', 'aria-label': `Dismiss notice about ${titleOf(fs.key)}`, text: '×',
      on: { click: () => { fs.gap = false; renderChip(fs); removeNotice(fs.key); } },
    })));
}

function removeNotice(key) {
  for (const n of [...els.notices.children]) if (n.dataset.feed === key) n.remove();
}

// ------------------------------------------------------------------------------ live

client.on('article', (item, { missed }) => {
  if (item.feed === ALL) {
    if (latestShown && latest.add(item.article, { live: true })) { announceArticles(1); updateView(); }
    return;
  }
  const fs = feeds.get(item.feed);
  if (!fs) return;
  if (!(Number(item.seq) <= fs.head)) { fs.head = Number(item.seq); renderChip(fs); }
  if (!stream.add(item.article, { via: item.feed, live: true })) return;
  updateView();
  announceArticles(1);
  const notifying = (item.article.feeds || []).map((f) => feeds.get(f)).find((f) => f && f.notify);
  notifications.arrived(item.article, titleOf((notifying || fs).key), !!notifying && !missed);
});

client.on('subscribed', (answer) => {
  const fs = feeds.get(answer.feed);
  if (!fs) return;
  fs.live = true;
  fs.error = '';
  if (!(answer.head <= fs.head)) fs.head = answer.head;
  if (Number.isFinite(answer.followers)) fs.followers = answer.followers;
  if (learnTitle(fs.key, answer.title)) { save(); stream.refreshFooters(); }
  renderChip(fs);
});

client.on('counts', ({ feed, head, followers }) => {
  const fs = feeds.get(feed);
  if (!fs) return;
  if (Number.isFinite(head)) fs.head = head;
  if (Number.isFinite(followers)) fs.followers = followers;
  renderChip(fs);
});

client.on('gap', ({ feed }) => {
  const fs = feeds.get(feed);
  if (!fs) return;
  fs.gap = true;
  renderChip(fs);
  showGapNotice(fs);
});

client.on('refused', ({ feed, message, transient }) => {
  const fs = feeds.get(feed);
  if (!fs) return;
  fs.live = false;
  fs.error = message;
  renderChip(fs);
  if (!transient) toast(`${titleOf(feed)}: ${message}`, { error: true, key: `sub:${feed}` });
});

let awaySince = 0;
client.on('state', (state, retryInMs) => {
  if (state !== 'live' && !awaySince) awaySince = Date.now();
  if (state !== 'live') for (const fs of feeds.values()) { fs.live = false; renderChip(fs); }
  const text = { live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', offline: 'Offline', stopped: 'Offline' }[state];
  els.conn.dataset.state = state === 'live' ? 'live' : state === 'offline' || state === 'stopped' ? 'offline' : 'reconnecting';
  if (els.conn.textContent !== text) els.conn.textContent = text;
  els.conn.title = state === 'live' ? 'Receiving new articles as they are published'
    : state === 'offline' ? `Not connected${retryInMs ? `; trying again in ${Math.max(1, Math.round(retryInMs / 1000))} s` : ''}: new articles will appear once the connection is back`
      : 'Trying to reach the live feed…';
  document.documentElement.dataset.conn = els.conn.dataset.state;
});

client.on('resubscribed', ({ delivered }) => {
  const away = awaySince ? Date.now() - awaySince : 0;
  awaySince = 0;
  if (delivered > 0) toast(`Back live. Caught up on ${plural(delivered, 'article', 'articles')} published while you were disconnected.`, { key: 'conn' });
  else if (away >= BLIP_MS) toast('Back live. Nothing was missed.', { key: 'conn' });
});

// ------------------------------------------------------------------------------ start

async function init() {
  const top = $('topbar');
  const setTopbar = () => document.documentElement.style.setProperty('--topbar-h', `${Math.round(top.getBoundingClientRect().height)}px`);
  setTopbar();
  new ResizeObserver(setTopbar).observe(top);

  const { feeds: wanted } = readFollows();
  const invalid = [];
  for (const saved of wanted) {
    const key = canonicalFeed(saved.feed);
    if (!key || key === ALL) invalid.push(saved.feed);
    else if (!feeds.has(key)) feeds.set(key, newFeed(key, saved));
  }
  if (invalid.length) toast(`Ignored ${invalid.length === 1 ? 'a link entry that is not a feed' : 'link entries that are not feeds'}: ${invalid.join(', ')}`, { error: true });
  setupSearch({ isFollowed: (key) => feeds.has(key), follow });
  client.start();
  // The server's topic titles before any card is drawn: cards are drawn once, and would keep a slug fallback.
  await loadTopics();
  renderStarter();
  changedFollows();
  for (const fs of feeds.values()) start(fs);

  els.copy.addEventListener('click', copyLink);
  setInterval(() => { stream.tick(); latest.tick(); }, CLOCK_EVERY_MS);
  window.addEventListener('scroll', () => requestAnimationFrame(() => stream.scrolled()), { passive: true });
  window.addEventListener('online', () => client.retryNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') return;
    stream.tick();
    client.retryNow();
  });
}

async function copyLink() {
  if (!feeds.size) return;
  const link = shareLink([...feeds.keys()]);
  let copied = false;
  try { await navigator.clipboard.writeText(link); copied = true; } catch { /* not allowed here */ }
  if (!copied) { toast(`Copy this link: ${link}`); return; }
  toast('Link copied. Anyone who opens it will follow the same feeds.');
  const label = els.copy.querySelector('.btn-label');
  label.textContent = 'Copied!';
  setTimeout(() => { label.textContent = 'Copy link'; }, 1800);
}

// For tests and for poking at the page from the console.
window.feedApp = Object.freeze({
  get feeds() { return [...feeds.values()].map(({ key, head, followers, live, gap, error, notify }) => ({ key, head, followers, live, gap, error, notify })); },
  get articles() { return stream.size; },
  get connectionState() { return client.state; },
  follow: (feed) => follow(feed),
  unfollow: (feed) => unfollow(canonicalFeed(feed) || feed),
});

init();
