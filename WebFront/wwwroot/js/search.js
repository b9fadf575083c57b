/*
 * Finding feeds by typing: "azerbaijan korea", "Seoul", "economy". Suggestions come from
 * GET /api/feeds/resolve as a combobox list (arrow keys, Enter, Escape; "/" focuses the box from
 * anywhere). Enter before the answer is in follows the best match when it comes.
 */
import { $, h, str, plural } from './dom.js';
import { canonicalFeed, feedKind, kindLabel } from './feed-keys.js';
import { titleOf, learnTitle } from './titles.js';
import { feedIcon } from './icons.js';
import { resolveFeeds } from './api.js';

const DEBOUNCE_MS = 180;
const CACHED_QUERIES = 60;

const input = $('search-input');
const box = $('search-box');
const panel = $('suggest-panel');
const list = $('suggestions');
const empty = $('suggest-empty');
const status = $('search-status');

const state = { items: [], active: -1, seq: 0, timer: 0, controller: null, cache: new Map(), followFirst: false, rendered: '' };
let app = null;

/** @param {{isFollowed(key): boolean, follow(key, title)}} actions */
export function setupSearch(actions) {
  app = actions;
  input.addEventListener('input', typed);
  input.addEventListener('keydown', keyDown);
  input.addEventListener('focus', () => { if (input.value.trim() && list.children.length) open(true); });
  // A click on an option keeps focus (mousedown is cancelled below), so a blur is a real one.
  input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) open(false); }, 0));
  panel.addEventListener('mousedown', (ev) => ev.preventDefault());
  list.addEventListener('click', (ev) => {
    const li = ev.target.closest('[role="option"]');
    if (li) choose(Number(li.dataset.index));
  });
  list.addEventListener('mousemove', (ev) => {
    const li = ev.target.closest('[role="option"]');
    if (li && Number(li.dataset.index) !== state.active) setActive(Number(li.dataset.index));
  });
  document.addEventListener('click', (ev) => { if (!box.contains(ev.target)) open(false); });
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    ev.preventDefault();
    input.focus();
    input.select();
  });
}

export const focusSearch = () => input.focus();

function open(isOpen) {
  panel.hidden = !isOpen;
  input.setAttribute('aria-expanded', String(isOpen));
  if (!isOpen) {
    state.active = -1;
    input.removeAttribute('aria-activedescendant');
  }
}

function render(query, items) {
  state.rendered = query; // which query the visible list belongs to (for Enter)
  state.items = items;
  state.active = -1;
  input.removeAttribute('aria-activedescendant');
  list.replaceChildren(...items.map((it, i) => {
    const followed = app.isFollowed(it.feed);
    return h('li', {
      id: `suggestion-${i}`, class: `suggestion${followed ? ' is-followed' : ''}`, role: 'option', 'aria-selected': 'false',
      'data-testid': 'suggestion', dataset: { feed: it.feed, index: String(i) },
    },
    feedIcon(it.feed),
    h('span', { class: 'sugg-text' }, h('span', { class: 'sugg-title', text: it.title }),
      h('span', { class: 'sugg-key', text: `${kindLabel(it.kind)} · ${it.feed}` })),
    h('span', { class: 'sugg-action', text: followed ? 'Following ✓' : 'Follow' }));
  }));
  empty.hidden = items.length > 0;
  if (!items.length) empty.textContent = `No feeds match “${query}”. Try a country, a capital city or a topic.`;
  status.textContent = items.length ? `${plural(items.length, 'suggestion', 'suggestions')}. Use the up and down arrows to choose.` : 'No suggestions.';
  open(true);
}

function setActive(index) {
  const options = list.children;
  if (!options.length) return;
  const i = ((index % options.length) + options.length) % options.length;
  if (state.active >= 0 && options[state.active]) {
    options[state.active].setAttribute('aria-selected', 'false');
    options[state.active].classList.remove('is-active');
  }
  state.active = i;
  options[i].setAttribute('aria-selected', 'true');
  options[i].classList.add('is-active');
  input.setAttribute('aria-activedescendant', options[i].id);
  options[i].scrollIntoView({ block: 'nearest' });
}

function normalize(data) {
  const seen = new Set();
  const out = [];
  for (const f of data && Array.isArray(data.feeds) ? data.feeds : []) {
    const key = canonicalFeed(f && f.feed);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    learnTitle(key, f.title);
    out.push({ feed: key, kind: str(f.kind) || feedKind(key), title: titleOf(key) });
  }
  return out;
}

async function run(query) {
  const seq = ++state.seq;
  if (state.controller) state.controller.abort();
  let items = state.cache.get(query.toLowerCase());
  if (!items) {
    const controller = new AbortController();
    state.controller = controller;
    box.classList.add('is-busy');
    try {
      items = normalize(await resolveFeeds(query, controller.signal));
      state.cache.set(query.toLowerCase(), items);
      if (state.cache.size > CACHED_QUERIES) state.cache.delete(state.cache.keys().next().value);
    } catch (e) {
      if ((e && e.name === 'AbortError') || seq !== state.seq) return;
      // Still offer a feed key typed as such ("country:KR").
      const typed = canonicalFeed(query);
      if (!typed) {
        state.items = [];
        list.replaceChildren();
        empty.textContent = `Search is unavailable right now: ${e.message}`;
        empty.hidden = false;
        open(true);
        state.followFirst = false;
        return;
      }
      items = [{ feed: typed, kind: feedKind(typed), title: titleOf(typed) }];
    } finally {
      if (seq === state.seq) box.classList.remove('is-busy');
    }
  }
  if (seq !== state.seq || input.value.trim() !== query) return;
  render(query, items);
  if (state.followFirst) {
    state.followFirst = false;
    if (items.length) choose(0);
  }
}

function choose(index) {
  const it = state.items[index];
  if (!it) return;
  input.value = '';
  state.seq++;
  open(false);
  status.textContent = app.isFollowed(it.feed) ? `Already following ${it.title}.` : `Following ${it.title}.`;
  app.follow(it.feed, it.title);
}

function typed() {
  clearTimeout(state.timer);
  state.followFirst = false;
  const query = input.value.trim();
  state.seq++;
  if (!query) {
    if (state.controller) state.controller.abort();
    box.classList.remove('is-busy');
    open(false);
    return;
  }
  const cached = state.cache.get(query.toLowerCase());
  if (cached) { render(query, cached); return; }
  // Never leave suggestions for an older query on screen: they could be picked by mistake.
  state.items = [];
  state.rendered = '';
  list.replaceChildren();
  input.removeAttribute('aria-activedescendant');
  empty.textContent = 'Searching…';
  empty.hidden = false;
  open(true);
  state.timer = setTimeout(() => run(query), DEBOUNCE_MS);
}

function keyDown(ev) {
  const isOpen = !panel.hidden;
  const query = input.value.trim();
  switch (ev.key) {
    case 'ArrowDown':
      ev.preventDefault();
      if (!isOpen && query) run(query);
      else setActive(state.active + 1);
      break;
    case 'ArrowUp':
      ev.preventDefault();
      if (isOpen) setActive(state.active <= 0 ? state.items.length - 1 : state.active - 1);
      break;
    case 'Enter':
      ev.preventDefault();
      if (!query) return;
      if (isOpen && state.active >= 0) choose(state.active);
      else if (isOpen && state.items.length && state.rendered === query) choose(0);
      else {
        // Results not in yet: search now and follow the best match when they arrive.
        clearTimeout(state.timer);
        state.followFirst = true;
        run(query);
      }
      break;
    case 'Escape':
      if (isOpen) { ev.preventDefault(); open(false); }
      else if (input.value) { ev.preventDefault(); input.value = ''; state.seq++; }
      break;
    case 'Tab':
      open(false);
      break;
    default:
      break;
  }
}
