/*
 * Feed: the live page.
 *
 * Plain script (no build step). Talks to the web front over REST (/api/...) and
 * the SignalR hub at /hubs/feed through the vendored official client (global
 * `signalR`, loaded before this file).
 *
 * Safety rule for this file: every value that comes from the server is put in
 * the page as text (textContent / Text nodes / attribute values), never parsed
 * as HTML.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------- settings

  const HUB_URL = '/hubs/feed';
  const STORAGE_KEY = 'feed.follows.v1';
  const HISTORY_LIMIT = 20;          // items loaded when a feed is followed
  const MAX_CARDS = 300;             // oldest cards are dropped past this
  const COUNTS_EVERY_MS = 15000;     // per-feed counts refresh
  const CLOCK_EVERY_MS = 30000;      // relative times refresh
  const SEARCH_DEBOUNCE_MS = 180;
  const SCROLLED_SLACK_PX = 24;      // how far past the top still counts as "at the top"
  const STARTER_FEEDS = [
    { feed: 'relation:AZ-KR', title: 'Azerbaijan – South Korea' },
    { feed: 'topic:economy', title: 'Economy' },
    { feed: 'country:KR', title: 'South Korea' },
    { feed: 'topic:politics', title: 'Politics' },
    { feed: 'country:AZ', title: 'Azerbaijan' },
    { feed: 'country:US', title: 'United States' },
  ];

  // Retry delays used by SignalR's automatic reconnect: quick first tries,
  // then every 5–10 s for as long as it takes (never gives up).
  const RECONNECT_STEPS_MS = [0, 1000, 2000, 5000];
  // Backoff for restarting ourselves after the connection closed for good
  // (or the very first start failed).
  const RESTART_STEPS_MS = [1000, 2000, 5000, 10000, 15000, 30000];

  // IPTC Media Topics (top level) and a few likely slug spellings.
  const TOPICS = {
    'arts': ['Arts & culture', '🎭'], 'arts-culture': ['Arts & culture', '🎭'],
    'arts-culture-entertainment-media': ['Arts & culture', '🎭'], 'culture': ['Arts & culture', '🎭'],
    'entertainment': ['Entertainment', '🎬'], 'media': ['Media', '📺'],
    'crime': ['Crime & justice', '⚖️'], 'crime-law-justice': ['Crime & justice', '⚖️'], 'justice': ['Crime & justice', '⚖️'],
    'law': ['Law & justice', '⚖️'],
    'disaster': ['Disasters & emergencies', '🚨'], 'disaster-accident-emergency': ['Disasters & emergencies', '🚨'],
    'disasters': ['Disasters & emergencies', '🚨'], 'accident': ['Accidents', '🚨'],
    'economy': ['Economy', '💼'], 'economy-business-finance': ['Economy', '💼'], 'business': ['Business', '💼'],
    'finance': ['Finance', '💹'],
    'education': ['Education', '🎓'],
    'environment': ['Environment', '🌱'],
    'health': ['Health', '🩺'],
    'human-interest': ['Human interest', '💬'],
    'labour': ['Labour', '👷'], 'labor': ['Labour', '👷'],
    'lifestyle': ['Lifestyle & leisure', '🏖️'], 'lifestyle-leisure': ['Lifestyle & leisure', '🏖️'],
    'politics': ['Politics', '🏛️'], 'politics-government': ['Politics', '🏛️'], 'government': ['Government', '🏛️'],
    'religion': ['Religion', '🕯️'],
    'science': ['Science & technology', '🔬'], 'science-technology': ['Science & technology', '🔬'],
    'technology': ['Technology', '💻'], 'tech': ['Technology', '💻'],
    'society': ['Society', '👥'],
    'sport': ['Sport', '🏅'], 'sports': ['Sport', '🏅'],
    'conflict': ['Conflict & peace', '🕊️'], 'conflict-war-peace': ['Conflict & peace', '🕊️'],
    'conflict-war': ['Conflict & peace', '🕊️'], 'war': ['Conflict & war', '🕊️'], 'peace': ['Peace', '🕊️'],
    'weather': ['Weather', '🌦️'],
  };

  // ------------------------------------------------------------ small helpers

  const $ = (id) => document.getElementById(id);
  const nf = new Intl.NumberFormat();
  const regionNames = (() => {
    try { return new Intl.DisplayNames(['en'], { type: 'region' }); } catch { return null; }
  })();
  const absoluteFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
  const shortDateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
  const longDateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

  /**
   * Builds an element. `props` keys: class, text, dataset (object), on (object of
   * listeners), anything else is set as an attribute. Children: nodes or strings
   * (strings become Text nodes, so they are never parsed as HTML).
   */
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === 'class') node.className = value;
        else if (key === 'text') node.textContent = String(value);
        else if (key === 'dataset') Object.assign(node.dataset, value);
        else if (key === 'on') for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
        else node.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function str(value) {
    return typeof value === 'string' ? value : (value === undefined || value === null ? '' : String(value));
  }

  function plural(n, one, many) {
    return `${nf.format(n)} ${n === 1 ? one : many}`;
  }

  function isCountryCode(code) {
    return typeof code === 'string' && /^[A-Za-z]{2}$/.test(code);
  }

  function flagEmoji(code) {
    if (!isCountryCode(code)) return '';
    const up = code.toUpperCase();
    return String.fromCodePoint(0x1F1E6 + up.charCodeAt(0) - 65, 0x1F1E6 + up.charCodeAt(1) - 65);
  }

  function countryName(code) {
    if (!isCountryCode(code)) return str(code);
    try { return (regionNames && regionNames.of(code.toUpperCase())) || code.toUpperCase(); } catch { return code.toUpperCase(); }
  }

  function humanizeSlug(slug) {
    const words = str(slug).replace(/[-_]+/g, ' ').trim();
    return words ? words.charAt(0).toUpperCase() + words.slice(1) : '';
  }

  function topicTitle(slug) {
    const key = str(slug).toLowerCase();
    return TOPICS[key] ? TOPICS[key][0] : (learnedTopicTitles.get(key) || humanizeSlug(key));
  }

  function topicIcon(slug) {
    const key = str(slug).toLowerCase();
    return TOPICS[key] ? TOPICS[key][1] : '🏷️';
  }

  /** Canonical feed key (see the contract), or null when it cannot be one. */
  function canonicalFeed(raw) {
    const text = str(raw).trim();
    const m = /^([A-Za-z]+)\s*:\s*(.+)$/.exec(text);
    if (!m) return null;
    const kind = m[1].toLowerCase();
    const rest = m[2].trim();
    if (kind === 'country') return isCountryCode(rest) ? `country:${rest.toUpperCase()}` : null;
    if (kind === 'relation') {
      const parts = rest.split('-').map((p) => p.trim().toUpperCase());
      if (parts.length !== 2 || !parts.every(isCountryCode) || parts[0] === parts[1]) return null;
      parts.sort();
      return `relation:${parts[0]}-${parts[1]}`;
    }
    if (kind === 'topic') return /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(rest) ? `topic:${rest.toLowerCase()}` : null;
    return null;
  }

  function feedKind(feed) {
    const i = str(feed).indexOf(':');
    return i > 0 ? feed.slice(0, i) : '';
  }

  function feedValue(feed) {
    const i = str(feed).indexOf(':');
    return i > 0 ? feed.slice(i + 1) : '';
  }

  /** A readable fallback title for a feed key when the server gave none. */
  function fallbackTitle(feed) {
    const kind = feedKind(feed);
    const value = feedValue(feed);
    if (kind === 'country') return countryName(value);
    if (kind === 'topic') return topicTitle(value);
    if (kind === 'relation') {
      const [a, b] = value.split('-');
      return `${countryName(a)} – ${countryName(b)} relations`;
    }
    return str(feed);
  }

  /** Short text icon for a feed: flags for places, an emoji for topics. */
  function feedIcon(feed) {
    const kind = feedKind(feed);
    const value = feedValue(feed);
    if (kind === 'country') return flagEmoji(value) || '🌍';
    if (kind === 'relation') return value.split('-').map(flagEmoji).join('') || '🤝';
    if (kind === 'topic') return topicIcon(value);
    return '📰';
  }

  function kindLabel(kind) {
    return kind === 'country' ? 'Country' : kind === 'relation' ? 'Relation' : kind === 'topic' ? 'Topic' : 'Feed';
  }

  function titleOf(feed) {
    const fs = feeds.get(feed);
    return (fs && fs.title) || knownTitles.get(feed) || fallbackTitle(feed);
  }

  function parseTime(iso) {
    const t = Date.parse(str(iso));
    return Number.isFinite(t) ? t : null;
  }

  function relativeTime(ms, now) {
    const s = Math.floor((now - ms) / 1000);
    if (s < 45) return 'just now';
    const m = Math.floor(s / 60);
    if (m < 60) return `${Math.max(1, m)} min ago`;
    const hrs = Math.floor(m / 60);
    if (hrs < 24) return `${hrs} h ago`;
    const days = Math.floor(hrs / 24);
    if (days === 1) return 'yesterday';
    if (days < 7) return `${days} days ago`;
    const d = new Date(ms);
    return (d.getFullYear() === new Date(now).getFullYear() ? shortDateFmt : longDateFmt).format(d);
  }

  /** Only http(s) URLs become links. */
  function safeHttpUrl(value) {
    try {
      const u = new URL(str(value), location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
    } catch { return null; }
  }

  function hubErrorMessage(err) {
    const raw = str(err && err.message ? err.message : err);
    const m = /HubException:\s*([\s\S]*)$/.exec(raw);
    return (m ? m[1] : raw).trim() || 'The server refused the request.';
  }

  class HttpError extends Error {
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
    if (!res.ok) {
      let message = `The server answered ${res.status}.`;
      try {
        const problem = await res.json();
        // problem+json: prefer the detail, then validation messages, then the title.
        let fieldMessage = '';
        if (problem && problem.errors && typeof problem.errors === 'object') {
          const first = Object.values(problem.errors).flat().find((m) => typeof m === 'string' && m);
          fieldMessage = first || '';
        }
        const text = str(problem.detail) || fieldMessage || str(problem.title) || str(problem.error);
        if (text) message = text;
      } catch { /* not JSON */ }
      throw new HttpError(res.status, message);
    }
    return res.json();
  }

  function feedUrl(feed, query) {
    return `/api/feeds/${encodeURIComponent(feed)}${query ? `?${query}` : ''}`;
  }

  // -------------------------------------------------------------------- state

  /**
   * Followed feeds, in the order they were followed.
   * key -> { key, title, head, followers, lastSeq, ready, pending, subGen,
   *          buffer, live, gap, error, loading }
   */
  const feeds = new Map();
  /** Titles learned from the server for any feed key. */
  const knownTitles = new Map();
  const learnedTopicTitles = new Map();
  /**
   * Articles on the page, by id.
   * id -> { id, article, feeds:Set, sortTime, el, placed, fresh }
   */
  const cards = new Map();
  /** Cards waiting for the reader to scroll back up (or click the pill). */
  let pendingCards = [];
  let liveClock = 0;
  let hiddenUnread = 0;
  let cardSerial = 0;

  const els = {
    search: $('search-input'),
    searchBox: $('search-box'),
    panel: $('suggest-panel'),
    list: $('suggestions'),
    suggestEmpty: $('suggest-empty'),
    searchStatus: $('search-status'),
    conn: $('conn'),
    copy: $('copy-link'),
    following: $('following'),
    chips: $('chips'),
    notices: $('notices'),
    empty: $('empty'),
    starter: $('starter'),
    stream: $('stream'),
    streamMeta: $('stream-meta'),
    waiting: $('stream-waiting'),
    cards: $('articles'),
    skeletons: $('skeletons'),
    pill: $('new-pill'),
    pillText: $('new-pill-text'),
    toasts: $('toasts'),
    announcer: $('announcer'),
    topbar: $('topbar'),
  };

  // --------------------------------------------------------------- persistence

  function readUrlFollows() {
    const params = new URLSearchParams(location.search);
    if (!params.has('follow')) return null;
    return params.getAll('follow').join(',').split(/[,\s]+/).filter(Boolean);
  }

  function readStoredFollows() {
    try {
      const data = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
      if (!data || !Array.isArray(data.feeds)) return [];
      for (const f of data.feeds) if (f && typeof f.title === 'string') knownTitles.set(f.feed, f.title);
      return data.feeds.map((f) => (f && typeof f === 'object' ? f.feed : f)).filter((f) => typeof f === 'string');
    } catch { return []; }
  }

  function save() {
    const list = [...feeds.values()].map((fs) => ({ feed: fs.key, title: fs.title || undefined }));
    try { localStorage.setItem(STORAGE_KEY, JSON.stringify({ feeds: list })); } catch { /* private mode */ }
    // Keep the address bar a share link of what is followed right now.
    try {
      const params = new URLSearchParams(location.search);
      params.delete('follow');
      const parts = [];
      if (params.toString()) parts.push(params.toString());
      if (feeds.size) parts.push(`follow=${followParam()}`);
      const next = `${location.pathname}${parts.length ? `?${parts.join('&')}` : ''}${location.hash}`;
      if (next !== location.pathname + location.search + location.hash) history.replaceState(history.state, '', next);
    } catch { /* ignore */ }
    els.copy.disabled = feeds.size === 0;
  }

  function followParam() {
    return [...feeds.keys()].map((k) => encodeURIComponent(k).replace(/%3A/gi, ':')).join(',');
  }

  function shareLink() {
    return `${location.origin}${location.pathname}?follow=${followParam()}`;
  }

  // ------------------------------------------------------------------- toasts

  function toast(message, options) {
    const opts = options || {};
    if (opts.key) for (const old of els.toasts.querySelectorAll('.toast')) if (old.dataset.key === opts.key) old.remove();
    const node = h('div', { class: `toast${opts.error ? ' toast-error' : ''}`, role: opts.error ? 'alert' : 'status', dataset: opts.key ? { key: opts.key } : undefined });
    node.append(h('span', { class: 'toast-text', text: message }));
    let timer = 0;
    const close = () => {
      clearTimeout(timer);
      node.classList.add('toast-leaving');
      setTimeout(() => node.remove(), 200);
    };
    if (opts.action) {
      node.append(h('button', {
        type: 'button', class: 'toast-action', text: opts.action.label,
        on: { click: () => { close(); opts.action.run(); } },
      }));
    }
    node.append(h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss', text: '×', on: { click: close } }));
    els.toasts.append(node);
    while (els.toasts.children.length > 4) els.toasts.firstElementChild.remove();
    timer = setTimeout(close, opts.error ? 9000 : opts.action ? 7000 : 4000);
    return close;
  }

  let announceTimer = 0;
  function announce(text) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => { els.announcer.textContent = text; }, 400);
  }

  // -------------------------------------------------------------- scroll logic

  function stickyOffset() {
    const style = getComputedStyle(els.topbar);
    return style.position === 'sticky' || style.position === 'fixed' ? els.topbar.getBoundingClientRect().bottom : 0;
  }

  /** True when the reader has scrolled down past the top of the article list. */
  function scrolledDown() {
    if (els.stream.hidden) return false;
    const top = els.cards.getBoundingClientRect().top;
    return top < stickyOffset() - SCROLLED_SLACK_PX;
  }

  /**
   * Runs `mutate` and then scrolls so the first article visible before stays where
   * it was. Used for any change above the reader's position while they are scrolled
   * down, so content never jumps under them.
   */
  function keepScroll(mutate, canAnchor) {
    if (!scrolledDown()) { mutate(); return; }
    const limit = stickyOffset();
    let anchor = null;
    for (const child of els.cards.children) {
      if (canAnchor && !canAnchor(child)) continue;
      if (child.getBoundingClientRect().bottom > limit) { anchor = child; break; }
    }
    const before = anchor ? anchor.getBoundingClientRect().top : 0;
    mutate();
    if (anchor && anchor.isConnected) {
      const delta = anchor.getBoundingClientRect().top - before;
      if (Math.abs(delta) >= 1) window.scrollBy(0, delta);
    }
  }

  // ------------------------------------------------------------------- cards

  function nextLiveTime() {
    liveClock = Math.max(Date.now(), liveClock + 1);
    return liveClock;
  }

  function viaFeeds(rec) {
    const out = [];
    for (const key of feeds.keys()) if (rec.feeds.has(key)) out.push(key);
    return out;
  }

  function renderVia(rec) {
    const box = rec.el.querySelector('.via');
    const list = viaFeeds(rec);
    box.replaceChildren();
    if (!list.length) return;
    box.append(h('span', { class: 'via-label', text: 'via' }));
    for (const key of list) {
      box.append(h('span', { class: 'via-tag', title: key, dataset: { feed: key } },
        h('span', { class: 'via-icon', 'aria-hidden': 'true', text: feedIcon(key) }), titleOf(key)));
    }
  }

  function renderTime(timeEl, now) {
    const ms = Number(timeEl.dataset.ms);
    if (Number.isFinite(ms)) timeEl.textContent = relativeTime(ms, now);
  }

  function buildCard(rec) {
    const a = rec.article;
    const n = ++cardSerial;
    const detailsId = `card-details-${n}`;
    const headlineText = str(a.headline) || 'Untitled article';

    const toggle = h('button', {
      type: 'button', class: 'card-toggle', 'aria-expanded': 'false', 'aria-controls': detailsId,
    }, headlineText);
    const headline = h('h3', { class: 'card-headline', 'data-testid': 'article-headline' }, toggle);

    const meta = h('div', { class: 'card-meta' });
    if (str(a.source)) meta.append(h('span', { class: 'card-source', text: a.source }));
    const published = parseTime(a.publishedAt);
    if (published !== null) {
      const d = new Date(published);
      const time = h('time', {
        class: 'card-time', datetime: d.toISOString(), title: absoluteFmt.format(d), dataset: { ms: String(published) },
      });
      renderTime(time, Date.now());
      meta.append(time);
    }

    const tags = h('div', { class: 'card-tags' });
    const countries = Array.isArray(a.countries) ? a.countries.filter(isCountryCode).slice(0, 8) : [];
    for (const code of countries) {
      const up = code.toUpperCase();
      tags.append(h('span', { class: 'flag-tag', title: `${countryName(up)} (${up})` },
        h('span', { class: 'flag', 'aria-hidden': 'true', text: flagEmoji(up) }),
        h('span', { class: 'cc', 'aria-label': countryName(up), text: up })));
    }
    const topics = Array.isArray(a.topics) ? a.topics.filter((t) => typeof t === 'string' && t).slice(0, 6) : [];
    for (const slug of topics) tags.append(h('span', { class: 'topic-tag', title: `topic:${slug}`, text: topicTitle(slug) }));

    const summary = str(a.summary) ? h('p', { class: 'card-summary', text: a.summary }) : null;
    const details = h('div', { class: 'card-details', id: detailsId, hidden: true });

    const li = h('li', {
      class: 'card', 'data-testid': 'article-card', tabindex: '-1', dataset: { articleId: rec.id },
    }, h('article', { class: 'card-inner' },
      headline, meta, summary, tags, details, h('div', { class: 'via' })));

    rec.el = li;
    rec.toggle = toggle;
    rec.details = details;
    renderVia(rec);
    return li;
  }

  function fillDetails(rec) {
    const a = rec.article;
    const box = rec.details;
    box.replaceChildren();
    if (str(a.summary)) box.append(h('p', { class: 'details-summary', text: a.summary }));
    const body = str(a.body);
    if (body) {
      for (const para of body.split(/\n\s*\n|\r?\n/).map((p) => p.trim()).filter(Boolean)) {
        box.append(h('p', { class: 'details-body', text: para }));
      }
    } else if (rec.bodyLoading) {
      box.append(h('p', { class: 'details-loading', text: 'Loading the full article…' }));
    } else if (rec.bodyError) {
      box.append(h('p', { class: 'details-loading', text: rec.bodyError }));
    }
    const link = safeHttpUrl(a.url);
    if (link) {
      box.append(h('p', { class: 'details-link' }, h('a', {
        href: link.href, target: '_blank', rel: 'noopener noreferrer',
      }, `Read at ${str(a.source) || link.hostname}`, h('span', { class: 'ext', 'aria-hidden': 'true', text: ' ↗' }),
      h('span', { class: 'visually-hidden', text: ' (opens in a new tab)' }))));
    }
  }

  async function loadBody(rec) {
    if (rec.bodyLoading || str(rec.article.body)) return;
    rec.bodyLoading = true;
    rec.bodyError = '';
    fillDetails(rec);
    try {
      const full = await getJson(`/api/articles/${encodeURIComponent(rec.id)}`);
      if (full && typeof full === 'object') rec.article = Object.assign({}, rec.article, full);
      if (!str(rec.article.body)) rec.bodyError = 'The full text of this article is not available.';
    } catch (e) {
      rec.bodyError = `The full text could not be loaded: ${e.message}`;
    } finally {
      rec.bodyLoading = false;
      if (rec.el && rec.el.isConnected && rec.toggle.getAttribute('aria-expanded') === 'true') {
        keepScroll(() => fillDetails(rec));
      }
    }
  }

  function setExpanded(rec, open) {
    keepScroll(() => {
      rec.toggle.setAttribute('aria-expanded', String(open));
      rec.el.classList.toggle('is-open', open);
      if (open) fillDetails(rec);
      rec.details.hidden = !open;
    });
    if (open && !str(rec.article.body)) loadBody(rec);
  }

  function toggleCard(li) {
    const rec = cards.get(li.dataset.articleId);
    if (rec) setExpanded(rec, rec.toggle.getAttribute('aria-expanded') !== 'true');
  }

  els.cards.addEventListener('click', (ev) => {
    const li = ev.target.closest('.card');
    if (!li || !els.cards.contains(li)) return;
    if (ev.target.closest('a')) return;                           // let links work
    if (ev.target.closest('.card-details') && !ev.target.closest('button')) return; // reading/selecting text
    const sel = window.getSelection && window.getSelection();
    if (sel && !sel.isCollapsed && li.contains(sel.anchorNode)) return;       // finishing a text selection
    toggleCard(li);
  });

  els.cards.addEventListener('keydown', (ev) => {
    // The headline button handles Enter/Space itself; this covers the card element.
    if (ev.target.classList && ev.target.classList.contains('card') && (ev.key === 'Enter' || ev.key === ' ')) {
      ev.preventDefault();
      toggleCard(ev.target);
    }
  });

  /** Inserts a card element into the list at its place (newest first). */
  function placeCard(rec) {
    let before = null;
    for (const child of els.cards.children) {
      const other = cards.get(child.dataset.articleId);
      if (!other) continue;
      if (other.sortTime < rec.sortTime || (other.sortTime === rec.sortTime && other.id < rec.id)) { before = child; break; }
    }
    els.cards.insertBefore(rec.el, before);
    rec.placed = true;
    if (rec.fresh) {
      rec.el.classList.add('is-fresh');
      setTimeout(() => rec.el && rec.el.classList.remove('is-fresh'), 4000);
      rec.fresh = false;
    }
  }

  function removeCard(rec) {
    cards.delete(rec.id);
    if (rec.el) rec.el.remove();
    rec.placed = false;
  }

  function trimCards() {
    if (cards.size <= MAX_CARDS) return;
    const sorted = [...cards.values()].sort((x, y) => x.sortTime - y.sortTime);
    let extra = cards.size - MAX_CARDS;
    for (const rec of sorted) {
      if (extra <= 0) break;
      if (rec.toggle && rec.toggle.getAttribute('aria-expanded') === 'true') continue; // don't yank what is being read
      pendingCards = pendingCards.filter((p) => p !== rec);
      removeCard(rec);
      extra--;
    }
  }

  /**
   * Puts an article on the page once, or notes one more followed feed it came
   * through. `live` means it arrived after the page was showing the feed (it
   * gets the highlight and goes to the top).
   */
  function addArticle(article, viaFeed, live) {
    if (!article || typeof article !== 'object') return false;
    const id = str(article.id);
    if (!id) return false;
    const existing = cards.get(id);
    if (existing) {
      const had = existing.feeds.size;
      if (viaFeed) existing.feeds.add(viaFeed);
      if (Array.isArray(article.feeds)) for (const f of article.feeds) existing.feeds.add(canonicalFeed(f) || str(f));
      if (existing.feeds.size !== had && existing.el) renderVia(existing);
      return false;
    }
    const rec = {
      id, article, feeds: new Set(), el: null, placed: false, fresh: !!live,
      sortTime: live ? nextLiveTime() : (parseTime(article.publishedAt) ?? Date.now()),
    };
    if (viaFeed) rec.feeds.add(viaFeed);
    if (Array.isArray(article.feeds)) for (const f of article.feeds) rec.feeds.add(canonicalFeed(f) || str(f));
    cards.set(id, rec);
    buildCard(rec);
    if (scrolledDown()) {
      pendingCards.push(rec);
    } else {
      placeCard(rec);
    }
    return true;
  }

  function afterCardsChanged(newLiveCount) {
    trimCards();
    updatePill();
    updateStreamState();
    if (newLiveCount > 0) {
      if (document.hidden) {
        hiddenUnread += newLiveCount;
        document.title = `(${hiddenUnread}) Feed · live news`;
      }
      announce(newLiveCount === 1 ? '1 new article' : `${newLiveCount} new articles`);
    }
  }

  function updatePill() {
    const n = pendingCards.length;
    els.pill.hidden = n === 0;
    if (n) els.pillText.textContent = n === 1 ? '1 new article' : `${nf.format(n)} new articles`;
  }

  function flushPending(scrollToTop) {
    if (!pendingCards.length) return;
    const list = pendingCards;
    pendingCards = [];
    const apply = () => { for (const rec of list) if (cards.get(rec.id) === rec) placeCard(rec); };
    if (scrollToTop) apply(); else keepScroll(apply);
    updatePill();
    updateStreamState();
    if (scrollToTop) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      window.scrollTo({ top: 0, behavior: smooth ? 'smooth' : 'auto' });
    }
  }

  els.pill.addEventListener('click', () => {
    flushPending(true);
    els.cards.focus({ preventScroll: true });
  });

  let scrollTick = false;
  window.addEventListener('scroll', () => {
    if (scrollTick) return;
    scrollTick = true;
    requestAnimationFrame(() => {
      scrollTick = false;
      if (pendingCards.length && !scrolledDown()) flushPending(false);
    });
  }, { passive: true });

  function updateStreamState() {
    const following = feeds.size > 0;
    els.empty.hidden = following;
    els.stream.hidden = !following;
    els.following.hidden = !following;
    if (!following) return;
    const loading = [...feeds.values()].some((fs) => fs.loading);
    const shown = els.cards.children.length + pendingCards.length;
    els.skeletons.hidden = !(loading && shown === 0);
    els.waiting.hidden = loading || shown > 0;
    els.streamMeta.textContent = shown ? plural(cards.size, 'article', 'articles') : '';
  }

  // -------------------------------------------------------------- feed items

  /**
   * Applies one feed item. `mode`: 'history' (loaded over REST when following),
   * 'missed' (in a Subscribe result) or 'live' (an `article` event).
   * Returns 1 when it put a new card on the page.
   */
  function applyItem(item, mode) {
    if (!item || typeof item !== 'object') return 0;
    const key = canonicalFeed(item.feed) || str(item.feed);
    const seq = Number(item.seq);
    const fs = feeds.get(key);
    if (fs) {
      // Not subscribed yet (recent items still loading): the Subscribe that follows
      // will hand this item back in `missed`, so it is safe to skip it here.
      if (mode === 'live' && !fs.ready) return 0;
      if (mode === 'live' && fs.pending) { fs.buffer.push(item); return 0; }
      if (Number.isFinite(seq)) {
        if (fs.lastSeq !== null && seq <= fs.lastSeq) return 0;   // seen already
        fs.lastSeq = seq;
        if (seq > (fs.head || 0)) { fs.head = seq; renderChipCounts(fs); }
      }
    } else {
      // Not (or no longer) followed: keep it only if it belongs to a feed we follow.
      const belongs = item.article && Array.isArray(item.article.feeds) &&
        item.article.feeds.some((f) => feeds.has(canonicalFeed(f) || str(f)));
      if (!belongs) return 0;
    }
    const added = addArticle(item.article, fs ? key : null, mode !== 'history');
    if (added && mode === 'live') bumpOtherHeads(item.article, key);
    return added ? 1 : 0;
  }

  /**
   * The server sends an article once per connection even when it belongs to
   * several followed feeds, so the other feeds' counts would lag until the next
   * refresh. Count it for them now; the periodic refresh sets the exact number.
   * (lastSeq is not touched: only the feed named in the item has a known seq.)
   */
  function bumpOtherHeads(article, deliveredVia) {
    if (!Array.isArray(article.feeds)) return;
    for (const f of article.feeds) {
      const key = canonicalFeed(f) || str(f);
      if (key === deliveredVia) continue;
      const other = feeds.get(key);
      if (other && other.ready && Number.isFinite(other.head)) {
        other.head += 1;
        renderChipCounts(other);
      }
    }
  }

  function sortedBySeq(items) {
    return (Array.isArray(items) ? items.slice() : []).sort((x, y) => Number(x && x.seq) - Number(y && y.seq));
  }

  // ---------------------------------------------------------------- following

  function newFeedState(key) {
    return {
      key, title: knownTitles.get(key) || '', head: null, followers: null, lastSeq: null,
      ready: false, loading: false, pending: false, subGen: 0, buffer: [], live: false,
      gap: false, error: '', chip: null,
    };
  }

  async function follow(rawKey, options) {
    const opts = options || {};
    const key = canonicalFeed(rawKey);
    if (!key) {
      toast(`“${str(rawKey)}” is not a feed this page understands.`, { error: true });
      return;
    }
    if (feeds.has(key)) {
      if (!opts.quiet) flashChip(key);
      return;
    }
    if (opts.title) knownTitles.set(key, opts.title);
    const fs = newFeedState(key);
    if (Number.isInteger(opts.index) && opts.index < feeds.size) {
      // Put it back where it was (undo).
      const entries = [...feeds.entries()];
      entries.splice(opts.index, 0, [key, fs]);
      feeds.clear();
      for (const [k, v] of entries) feeds.set(k, v);
    } else {
      feeds.set(key, fs);
    }
    renderChips();
    save();
    for (const rec of cards.values()) if (rec.feeds.has(key) && rec.el) renderVia(rec);
    await loadHistory(fs);
  }

  async function loadHistory(fs) {
    fs.loading = true;
    updateStreamState();
    let data = null;
    try {
      data = await getJson(feedUrl(fs.key, `limit=${HISTORY_LIMIT}`));
    } catch (e) {
      if (feeds.get(fs.key) !== fs) return;
      fs.loading = false;
      if (e.status === 400 || e.status === 404) {
        // The server does not know this feed: say so and drop it.
        removeFeed(fs.key);
        toast(`Can't follow ${titleOf(fs.key)}: ${e.message}`, { error: true });
        return;
      }
      fs.error = 'Recent articles could not be loaded; showing new ones as they arrive.';
      renderChip(fs);
    }
    if (feeds.get(fs.key) !== fs) return;
    fs.loading = false;

    if (data) {
      const canonical = canonicalFeed(data.feed) || fs.key;
      if (canonical !== fs.key) renameFeed(fs, canonical);
      if (feeds.get(fs.key) !== fs) { updateStreamState(); return; }
      if (str(data.title)) { fs.title = data.title; knownTitles.set(fs.key, data.title); }
      if (Number.isFinite(Number(data.head))) fs.head = Number(data.head);
      if (data.followers !== undefined && data.followers !== null) fs.followers = Number(data.followers);
      const items = sortedBySeq(data.items);
      for (const item of items) applyItem(item, 'history');
      if (fs.lastSeq === null && Number.isFinite(fs.head)) fs.lastSeq = fs.head;
      afterCardsChanged(0);
      save();
    }
    fs.ready = true;
    renderChip(fs);
    updateStreamState();
    for (const rec of cards.values()) if (rec.feeds.has(fs.key) && rec.el) renderVia(rec);
    subscribe(fs);
  }

  function renameFeed(fs, canonical) {
    const order = [...feeds.entries()];
    feeds.clear();
    const already = order.some(([k]) => k === canonical);
    for (const [k, v] of order) {
      if (v === fs) { if (!already) { fs.key = canonical; feeds.set(canonical, fs); } }
      else feeds.set(k, v);
    }
    renderChips();
    save();
  }

  function removeFeed(key) {
    const fs = feeds.get(key);
    if (!fs) return;
    feeds.delete(key);
    fs.subGen++;
    if (isConnected() && (fs.live || fs.pending)) {
      connection.invoke('Unsubscribe', key).catch(() => { /* gone with the connection anyway */ });
    }
    keepScroll(() => {
      for (const rec of [...cards.values()]) {
        if (viaFeeds(rec).length === 0) {
          pendingCards = pendingCards.filter((p) => p !== rec);
          removeCard(rec);
        } else if (rec.feeds.has(key)) {
          renderVia(rec);
        }
      }
      removeNotice(key);
      renderChips();
    }, (el) => {
      // Anchor on a card that stays.
      const rec = cards.get(el.dataset.articleId);
      return !!rec && viaFeeds(rec).length > 0;
    });
    updatePill();
    updateStreamState();
    save();
    // A slot may have freed up for feeds the server refused (e.g. too many subscriptions).
    for (const other of feeds.values()) if (other.error && other.ready && !other.pending) subscribe(other);
  }

  function unfollow(key) {
    const fs = feeds.get(key);
    if (!fs) return;
    const title = titleOf(key);
    const index = [...feeds.keys()].indexOf(key);
    removeFeed(key);
    toast(`Unfollowed ${title}.`, { key: `unfollow:${key}`, action: { label: 'Undo', run: () => follow(key, { title, index }) } });
    if (!feeds.size) els.search.focus();
  }

  // --------------------------------------------------------------- chips

  function renderChipCounts(fs) {
    if (!fs.chip) return;
    const counts = fs.chip.querySelector('.chip-counts');
    const parts = [];
    if (Number.isFinite(fs.head)) parts.push(plural(fs.head, 'article', 'articles'));
    if (Number.isFinite(fs.followers)) {
      // The count comes from the server and may predate our own subscription; while this page
      // follows the feed live it is at least one (never "0 following" next to a live dot).
      const followers = fs.live ? Math.max(fs.followers, 1) : fs.followers;
      parts.push(`${nf.format(followers)} following`);
    }
    counts.textContent = parts.join(' · ') || (fs.loading ? 'loading…' : '');
    fs.chip.setAttribute('aria-label', chipLabel(fs, parts));
  }

  function chipLabel(fs, parts) {
    const status = fs.gap ? ', some older articles unavailable' : fs.error ? `, ${fs.error}` : '';
    return `${titleOf(fs.key)}${parts.length ? ` (${parts.join(', ')})` : ''}${status}. Unfollow`;
  }

  function renderChip(fs) {
    if (!fs.chip) return;
    fs.chip.querySelector('.chip-title').textContent = titleOf(fs.key);
    fs.chip.querySelector('.chip-icon').textContent = feedIcon(fs.key);
    const state = fs.error ? 'error' : fs.live ? 'live' : 'idle';
    fs.chip.dataset.state = state;
    fs.chip.classList.toggle('has-gap', fs.gap);
    const dot = fs.chip.querySelector('.chip-dot');
    dot.title = fs.error || (fs.live ? 'Live' : 'Not live right now');
    renderChipCounts(fs);
  }

  function renderChips() {
    const nodes = [];
    for (const fs of feeds.values()) {
      if (!fs.chip) {
        const button = h('button', {
          type: 'button', class: 'chip', 'data-testid': 'followed-feed', dataset: { feed: fs.key },
          title: `Unfollow ${fs.key}`,
          on: { click: () => unfollow(fs.key) },
        },
        h('span', { class: 'chip-dot', 'aria-hidden': 'true' }),
        h('span', { class: 'chip-icon', 'aria-hidden': 'true' }),
        h('span', { class: 'chip-text' },
          h('span', { class: 'chip-title' }),
          h('span', { class: 'chip-counts' })),
        h('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }));
        fs.chip = button;
      }
      fs.chip.dataset.feed = fs.key;
      renderChip(fs);
      // The feed as Atom, for feed readers; one per followed feed.
      const atom = h('a', {
        class: 'chip-atom', 'data-testid': 'atom-link', href: atomUrl(fs.key),
        title: `Atom feed of ${titleOf(fs.key)}`, 'aria-label': `Atom feed of ${titleOf(fs.key)}`, text: 'Atom',
      });
      nodes.push(h('li', { class: 'chip-item' }, fs.chip, atom));
    }
    const focused = document.activeElement;
    keepScroll(() => els.chips.replaceChildren(...nodes));
    if (focused && focused.classList && focused.classList.contains('chip') && focused.isConnected) focused.focus();
    els.following.hidden = feeds.size === 0;
    renderAlternates();
    updateStreamState();
  }

  function atomUrl(key) {
    return `/api/feeds/${encodeURIComponent(key).replace(/%3A/gi, ':')}/atom`;
  }

  /** Feed autodiscovery: browsers and readers find the followed feeds' Atom documents in the head. */
  function renderAlternates() {
    for (const old of document.head.querySelectorAll('link[data-feed-alternate]')) old.remove();
    for (const fs of feeds.values()) {
      document.head.append(h('link', {
        rel: 'alternate', type: 'application/atom+xml', title: titleOf(fs.key), href: atomUrl(fs.key),
        dataset: { feedAlternate: fs.key },
      }));
    }
  }

  function flashChip(key) {
    const fs = feeds.get(key);
    if (!fs || !fs.chip) return;
    fs.chip.classList.remove('is-flash');
    void fs.chip.offsetWidth; // restart the animation
    fs.chip.classList.add('is-flash');
  }

  // ------------------------------------------------------------- notices

  function showGapNotice(fs) {
    removeNotice(fs.key);
    const notice = h('div', { class: 'notice notice-warn', 'data-testid': 'history-gap', role: 'status', dataset: { feed: fs.key } },
      h('span', { class: 'notice-icon', 'aria-hidden': 'true', text: '⚠️' }),
      h('span', { class: 'notice-text' },
        h('strong', { text: titleOf(fs.key) }),
        ': Some older articles are no longer available. You were away longer than this feed keeps its history, so a few articles published meanwhile can’t be shown.'),
      h('button', {
        type: 'button', class: 'notice-close', 'aria-label': `Dismiss notice about ${titleOf(fs.key)}`, text: '×',
        on: { click: () => { fs.gap = false; renderChip(fs); removeNotice(fs.key); } },
      }));
    keepScroll(() => els.notices.append(notice));
  }

  function removeNotice(key) {
    for (const n of [...els.notices.children]) {
      if (n.dataset.feed === key) keepScroll(() => n.remove());
    }
  }

  // ---------------------------------------------------------- connection

  let connection = null;
  let restartTimer = 0;
  let restartAttempt = 0;
  let everConnected = false;
  let caughtUpCount = 0;
  let disconnectedAt = 0;
  const BLIP_MS = 4000; // shorter outages than this get no "back live" message

  function isConnected() {
    return !!connection && connection.state === signalR.HubConnectionState.Connected;
  }

  function setConnState(state, detail) {
    const text = state === 'live' ? 'Live' : state === 'reconnecting' ? (everConnected ? 'Reconnecting…' : 'Connecting…') : 'Offline';
    els.conn.dataset.state = state;
    if (els.conn.textContent !== text) els.conn.textContent = text;
    els.conn.title = detail || (state === 'live' ? 'Receiving new articles as they are published'
      : state === 'reconnecting' ? 'Trying to reach the live feed…' : 'Not connected: new articles will appear once the connection is back');
    document.documentElement.dataset.conn = state;
  }

  function markAllNotLive() {
    for (const fs of feeds.values()) {
      fs.live = false;
      fs.pending = false;
      fs.buffer = [];
      fs.subGen++;
      renderChip(fs);
    }
  }

  async function subscribe(fs) {
    if (!fs.ready || !isConnected() || feeds.get(fs.key) !== fs) return 0;
    const gen = ++fs.subGen;
    fs.pending = true;
    fs.buffer = [];
    let result;
    try {
      result = await connection.invoke('Subscribe', fs.key, fs.lastSeq);
    } catch (e) {
      if (gen !== fs.subGen || feeds.get(fs.key) !== fs) return 0;
      fs.pending = false;
      fs.live = false;
      const buffered = fs.buffer;
      fs.buffer = [];
      if (!isConnected()) { renderChip(fs); return 0; } // the reconnect will try again
      fs.error = hubErrorMessage(e);
      renderChip(fs);
      toast(`${titleOf(fs.key)}: ${fs.error}`, { error: true, key: `sub:${fs.key}` });
      let added = 0;
      for (const item of sortedBySeq(buffered)) added += applyItem(item, 'live');
      afterCardsChanged(added);
      return added;
    }
    if (gen !== fs.subGen || feeds.get(fs.key) !== fs) return 0;
    fs.pending = false;
    fs.live = true;
    fs.error = '';
    const res = result && typeof result === 'object' ? result : {};
    const head = Number(res.head);
    // A head below what we have seen means the feed's history was reset on the
    // server (the contract says it never is). Follow the server rather than
    // dropping every new item as a repeat.
    if (Number.isFinite(head) && fs.lastSeq !== null && head < fs.lastSeq) fs.lastSeq = head;
    let added = 0;
    for (const item of sortedBySeq(res.missed)) added += applyItem(item, 'missed');
    // Live events that raced ahead of the Subscribe result; anything at or below
    // lastSeq is a repeat and applyItem drops it.
    const buffered = fs.buffer;
    fs.buffer = [];
    for (const item of sortedBySeq(buffered)) added += applyItem(item, 'live');
    if (Number.isFinite(head)) {
      if (head > (fs.head || 0)) fs.head = head;
      if (fs.lastSeq === null) fs.lastSeq = head;
    }
    if (res.complete === false) {
      fs.gap = true;
      showGapNotice(fs);
    }
    renderChip(fs);
    afterCardsChanged(added);
    return added;
  }

  async function subscribeAll() {
    const list = [...feeds.values()].filter((fs) => fs.ready);
    const counts = await Promise.all(list.map((fs) => subscribe(fs)));
    return counts.reduce((a, b) => a + b, 0);
  }

  async function onConnected(isRecovery) {
    everConnected = true;
    restartAttempt = 0;
    setConnState('live');
    const away = disconnectedAt ? Date.now() - disconnectedAt : 0;
    disconnectedAt = 0;
    const added = await subscribeAll();
    caughtUpCount += added;
    if (isRecovery && caughtUpCount > 0) {
      toast(`Back live. Caught up on ${plural(caughtUpCount, 'article', 'articles')} published while you were disconnected.`, { key: 'conn' });
    } else if (isRecovery && away >= BLIP_MS) {
      toast('Back live. Nothing was missed.', { key: 'conn' });
    }
    caughtUpCount = 0;
    refreshCounts();
  }

  function scheduleRestart() {
    clearTimeout(restartTimer);
    const base = RESTART_STEPS_MS[Math.min(restartAttempt, RESTART_STEPS_MS.length - 1)];
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    restartAttempt++;
    setConnState('offline', `Not connected. Trying again in ${Math.max(1, Math.round(delay / 1000))} s.`);
    restartTimer = setTimeout(startConnection, delay);
  }

  async function startConnection() {
    clearTimeout(restartTimer);
    restartTimer = 0;
    if (!connection || connection.state !== signalR.HubConnectionState.Disconnected) return;
    const recovering = everConnected;
    setConnState('reconnecting');
    try {
      await connection.start();
    } catch (e) {
      scheduleRestart();
      return;
    }
    onConnected(recovering);
  }

  function retryNow() {
    if (connection && connection.state === signalR.HubConnectionState.Disconnected) {
      restartAttempt = 0;
      startConnection();
    }
  }

  function debugLogging() {
    try {
      return new URLSearchParams(location.search).has('debug') || localStorage.getItem('feed.debug') === '1';
    } catch { return false; }
  }

  function setupConnection() {
    if (typeof window.signalR === 'undefined') {
      setConnState('offline', 'Live updates are unavailable: the SignalR client script did not load.');
      toast('Live updates are unavailable right now (the live client did not load). Reload the page to try again.', { error: true });
      return;
    }
    connection = new signalR.HubConnectionBuilder()
      // WebSockets straight away: works behind several web front nodes without
      // sticky sessions (SignalR groups are per node).
      .withUrl(HUB_URL, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds(ctx) {
          const i = ctx.previousRetryCount;
          const delay = i < RECONNECT_STEPS_MS.length ? RECONNECT_STEPS_MS[i] : 5000 + Math.round(Math.random() * 5000);
          // After the quick retries have failed (or with no network at all) say
          // plainly that we are offline; retrying goes on in the background.
          if (i >= RECONNECT_STEPS_MS.length || navigator.onLine === false) {
            setConnState('offline', `Not connected. Trying again in ${Math.max(1, Math.round(delay / 1000))} s.`);
          }
          return delay;
        },
      })
      // Quiet console unless debugging (?debug or localStorage "feed.debug").
      .configureLogging(debugLogging() ? signalR.LogLevel.Information : signalR.LogLevel.None)
      .build();

    connection.on('article', (item) => {
      const added = applyItem(item, 'live');
      if (added) afterCardsChanged(added);
    });

    connection.onreconnecting(() => {
      if (!disconnectedAt) disconnectedAt = Date.now();
      markAllNotLive();
      setConnState('reconnecting');
    });

    connection.onreconnected(() => {
      onConnected(true);
    });

    connection.onclose(() => {
      if (!disconnectedAt) disconnectedAt = Date.now();
      markAllNotLive();
      scheduleRestart();
    });

    window.addEventListener('online', retryNow);
    window.addEventListener('offline', () => {
      if (!isConnected()) setConnState('offline', 'Your device is offline.');
    });
    startConnection();
  }

  // -------------------------------------------------------------- counts

  let countsBusy = false;
  async function refreshCounts() {
    if (countsBusy || document.hidden || !feeds.size) return;
    countsBusy = true;
    try {
      await Promise.all([...feeds.values()].filter((fs) => fs.ready).map(async (fs) => {
        try {
          const data = await getJson(feedUrl(fs.key, 'limit=0'));
          if (feeds.get(fs.key) !== fs) return;
          if (Number.isFinite(Number(data.head))) fs.head = Math.max(Number(data.head), fs.lastSeq || 0);
          if (data.followers !== undefined && data.followers !== null && Number.isFinite(Number(data.followers))) {
            fs.followers = Number(data.followers);
          }
          if (str(data.title) && !fs.title) { fs.title = data.title; knownTitles.set(fs.key, data.title); renderChip(fs); }
          renderChipCounts(fs);
        } catch { /* keep the last numbers */ }
      }));
    } finally {
      countsBusy = false;
    }
  }

  // -------------------------------------------------------------- search

  const search = {
    items: [],          // [{feed, kind, title}]
    active: -1,
    seq: 0,
    timer: 0,
    controller: null,
    cache: new Map(),
    followFirst: false,
    lastRendered: '',
  };

  function openPanel(open) {
    els.panel.hidden = !open;
    els.search.setAttribute('aria-expanded', String(open));
    if (!open) {
      search.active = -1;
      els.search.removeAttribute('aria-activedescendant');
    }
  }

  function renderSuggestions(query, items) {
    search.lastRendered = query; // which query the visible list belongs to (for Enter)
    search.items = items;
    search.active = -1;
    els.search.removeAttribute('aria-activedescendant');
    const nodes = items.map((it, i) => {
      const followed = feeds.has(it.feed);
      return h('li', {
        id: `suggestion-${i}`, class: `suggestion${followed ? ' is-followed' : ''}`, role: 'option',
        'aria-selected': 'false', 'data-testid': 'suggestion', dataset: { feed: it.feed, index: String(i) },
      },
      h('span', { class: 'sugg-icon', 'aria-hidden': 'true', text: feedIcon(it.feed) }),
      h('span', { class: 'sugg-text' },
        h('span', { class: 'sugg-title', text: it.title }),
        h('span', { class: 'sugg-key', text: `${kindLabel(it.kind)} · ${it.feed}` })),
      h('span', { class: 'sugg-action', text: followed ? 'Following ✓' : 'Follow' }));
    });
    els.list.replaceChildren(...nodes);
    els.suggestEmpty.hidden = items.length > 0;
    if (!items.length) els.suggestEmpty.textContent = `No feeds match “${query}”. Try a country, a capital city or a topic.`;
    els.searchStatus.textContent = items.length
      ? `${plural(items.length, 'suggestion', 'suggestions')}. Use the up and down arrows to choose.`
      : 'No suggestions.';
    openPanel(true);
  }

  function setActive(index) {
    const options = els.list.children;
    if (!options.length) return;
    const i = ((index % options.length) + options.length) % options.length;
    if (search.active >= 0 && options[search.active]) {
      options[search.active].setAttribute('aria-selected', 'false');
      options[search.active].classList.remove('is-active');
    }
    search.active = i;
    const opt = options[i];
    opt.setAttribute('aria-selected', 'true');
    opt.classList.add('is-active');
    els.search.setAttribute('aria-activedescendant', opt.id);
    opt.scrollIntoView({ block: 'nearest' });
  }

  function normalizeSuggestions(data) {
    const list = data && Array.isArray(data.feeds) ? data.feeds : [];
    const out = [];
    const seen = new Set();
    for (const f of list) {
      const key = canonicalFeed(f && f.feed) || str(f && f.feed);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const title = str(f.title) || fallbackTitle(key);
      knownTitles.set(key, title);
      if (feedKind(key) === 'topic') learnedTopicTitles.set(feedValue(key), title);
      out.push({ feed: key, kind: str(f.kind) || feedKind(key), title });
    }
    return out;
  }

  async function runSearch(query) {
    const seq = ++search.seq;
    if (search.controller) search.controller.abort();
    const cacheKey = query.toLowerCase();
    let items = search.cache.get(cacheKey);
    if (!items) {
      const controller = new AbortController();
      search.controller = controller;
      els.searchBox.classList.add('is-busy');
      try {
        items = normalizeSuggestions(await getJson(`/api/feeds/resolve?q=${encodeURIComponent(query)}`, controller.signal));
        search.cache.set(cacheKey, items);
        if (search.cache.size > 60) search.cache.delete(search.cache.keys().next().value);
      } catch (e) {
        if (e && e.name === 'AbortError') return;
        if (seq !== search.seq) return;
        items = [];
        // Still offer a typed feed key directly (e.g. "country:KR").
        const typed = canonicalFeed(query);
        if (typed) items = [{ feed: typed, kind: feedKind(typed), title: fallbackTitle(typed) }];
        else { els.suggestEmpty.textContent = `Search is unavailable right now: ${e.message}`; }
        if (!typed) {
          search.items = [];
          els.list.replaceChildren();
          els.suggestEmpty.hidden = false;
          openPanel(true);
          search.followFirst = false;
          return;
        }
      } finally {
        if (seq === search.seq) els.searchBox.classList.remove('is-busy');
      }
    }
    if (seq !== search.seq || els.search.value.trim() !== query) return;
    renderSuggestions(query, items);
    if (search.followFirst) {
      search.followFirst = false;
      if (items.length) choose(0);
    }
  }

  function choose(index) {
    const it = search.items[index];
    if (!it) return;
    els.search.value = '';
    search.seq++;
    openPanel(false);
    els.searchStatus.textContent = feeds.has(it.feed) ? `Already following ${it.title}.` : `Following ${it.title}.`;
    follow(it.feed, { title: it.title });
  }

  els.search.addEventListener('input', () => {
    clearTimeout(search.timer);
    search.followFirst = false;
    const query = els.search.value.trim();
    if (!query) {
      search.seq++;
      if (search.controller) search.controller.abort();
      els.searchBox.classList.remove('is-busy');
      openPanel(false);
      return;
    }
    const cached = search.cache.get(query.toLowerCase());
    if (cached) {
      search.seq++;
      renderSuggestions(query, cached);
      return;
    }
    // Never leave suggestions for an older query on screen: they could be picked by mistake.
    search.seq++;
    search.items = [];
    search.lastRendered = '';
    els.list.replaceChildren();
    els.search.removeAttribute('aria-activedescendant');
    els.suggestEmpty.textContent = 'Searching…';
    els.suggestEmpty.hidden = false;
    openPanel(true);
    search.timer = setTimeout(() => runSearch(query), SEARCH_DEBOUNCE_MS);
  });

  els.search.addEventListener('keydown', (ev) => {
    const open = !els.panel.hidden;
    switch (ev.key) {
      case 'ArrowDown':
        ev.preventDefault();
        if (!open && els.search.value.trim()) { runSearch(els.search.value.trim()); return; }
        setActive(search.active + 1);
        break;
      case 'ArrowUp':
        ev.preventDefault();
        if (open) setActive(search.active <= 0 ? search.items.length - 1 : search.active - 1);
        break;
      case 'Home': case 'End':
        if (open && search.items.length && ev.ctrlKey) { ev.preventDefault(); setActive(ev.key === 'Home' ? 0 : search.items.length - 1); }
        break;
      case 'Enter': {
        ev.preventDefault();
        const query = els.search.value.trim();
        if (!query) return;
        if (open && search.active >= 0) { choose(search.active); return; }
        const fresh = open && search.items.length && search.lastRendered === query;
        if (fresh) { choose(0); return; }
        // Results not in yet: search now and follow the best match when they arrive.
        clearTimeout(search.timer);
        search.followFirst = true;
        runSearch(query);
        break;
      }
      case 'Escape':
        if (open) { ev.preventDefault(); openPanel(false); }
        else if (els.search.value) { ev.preventDefault(); els.search.value = ''; search.seq++; }
        break;
      case 'Tab':
        openPanel(false);
        break;
      default:
        break;
    }
  });

  els.search.addEventListener('focus', () => {
    if (els.search.value.trim() && els.list.children.length) openPanel(true);
  });
  els.search.addEventListener('blur', () => {
    // A click on an option keeps focus (mousedown is cancelled below), so this is a real blur.
    setTimeout(() => { if (document.activeElement !== els.search) openPanel(false); }, 0);
  });
  els.panel.addEventListener('mousedown', (ev) => ev.preventDefault());
  els.list.addEventListener('click', (ev) => {
    const li = ev.target.closest('[role="option"]');
    if (li) choose(Number(li.dataset.index));
  });
  els.list.addEventListener('mousemove', (ev) => {
    const li = ev.target.closest('[role="option"]');
    if (li && Number(li.dataset.index) !== search.active) setActive(Number(li.dataset.index));
  });
  document.addEventListener('click', (ev) => {
    if (!els.searchBox.contains(ev.target)) openPanel(false);
  });

  // "/" focuses the search box from anywhere that isn't a text field.
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    ev.preventDefault();
    els.search.focus();
    els.search.select();
  });

  // ------------------------------------------------------------ copy link

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try { await navigator.clipboard.writeText(text); return true; } catch { /* fall through */ }
    }
    const area = h('textarea', { class: 'visually-hidden', readonly: true, 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    area.remove();
    return ok;
  }

  els.copy.addEventListener('click', async () => {
    if (!feeds.size) return;
    const link = shareLink();
    const ok = await copyText(link);
    if (ok) {
      toast('Link copied. Anyone who opens it will follow the same feeds.');
      const label = els.copy.querySelector('.btn-label');
      label.textContent = 'Copied!';
      setTimeout(() => { label.textContent = 'Copy link'; }, 1800);
    } else {
      toast(`Copy this link: ${link}`);
    }
  });

  // ------------------------------------------------------------ empty state

  function renderStarter() {
    els.starter.replaceChildren(...STARTER_FEEDS.map((f) => h('li', null, h('button', {
      type: 'button', class: 'starter-feed', 'data-testid': 'suggested-feed', dataset: { feed: f.feed },
      on: { click: () => follow(f.feed, { title: f.title }) },
    },
    h('span', { class: 'starter-icon', 'aria-hidden': 'true', text: feedIcon(f.feed) }),
    h('span', { class: 'starter-text' },
      h('span', { class: 'starter-title', text: f.title }),
      h('span', { class: 'starter-kind', text: kindLabel(feedKind(f.feed)) })),
    h('span', { class: 'starter-plus', 'aria-hidden': 'true', text: '+' })))));
  }

  // ------------------------------------------------------------ clocks

  function tickClock() {
    const now = Date.now();
    for (const t of els.cards.querySelectorAll('time[data-ms]')) renderTime(t, now);
    for (const rec of pendingCards) {
      const t = rec.el && rec.el.querySelector('time[data-ms]');
      if (t) renderTime(t, now);
    }
  }

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) return;
    hiddenUnread = 0;
    document.title = 'Feed · live news';
    tickClock();
    refreshCounts();
    retryNow();
  });

  // ------------------------------------------------------------ start

  function trackTopbarHeight() {
    const set = () => document.documentElement.style.setProperty('--topbar-h', `${Math.round(els.topbar.getBoundingClientRect().height)}px`);
    set();
    if (typeof ResizeObserver === 'function') new ResizeObserver(set).observe(els.topbar);
    else window.addEventListener('resize', set);
  }

  function init() {
    trackTopbarHeight();
    renderStarter();
    const fromUrl = readUrlFollows();
    const stored = readStoredFollows();
    const wanted = fromUrl !== null ? fromUrl : stored;
    const invalid = [];
    const keys = [];
    for (const raw of wanted) {
      const key = canonicalFeed(raw);
      if (!key) { invalid.push(raw); continue; }
      if (!keys.includes(key)) keys.push(key);
    }
    for (const key of keys) feeds.set(key, newFeedState(key));
    renderChips();
    save();
    updateStreamState();
    if (invalid.length) toast(`Ignored ${invalid.length === 1 ? 'a link entry that is not a feed' : 'link entries that are not feeds'}: ${invalid.join(', ')}`, { error: true });

    for (const fs of feeds.values()) loadHistory(fs);
    setupConnection();

    setInterval(refreshCounts, COUNTS_EVERY_MS);
    setInterval(tickClock, CLOCK_EVERY_MS);
  }

  window.feedApp = Object.freeze({
    get feeds() { return [...feeds.values()].map(({ key, title, head, followers, lastSeq, live, gap, error }) => ({ key, title, head, followers, lastSeq, live, gap, error })); },
    get articles() { return cards.size; },
    get connectionState() { return connection ? connection.state : 'unavailable'; },
    follow: (feed) => follow(feed),
    unfollow: (feed) => unfollow(canonicalFeed(feed) || feed),
    shareLink,
  });

  init();
})();
