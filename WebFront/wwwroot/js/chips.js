/*
 * The followed feeds as chips: title, picture, live dot, articles and people following (pushed by the
 * hub, never polled), a bell to turn notifications on for that feed, and its Atom link. Activating a
 * chip unfollows the feed (with Undo). Also keeps <link rel=alternate> in the head for feed readers.
 */
import { $, h, formatNumber, plural } from './dom.js';
import { titleOf } from './titles.js';
import { feedIcon, icon } from './icons.js';
import { atomUrl } from './api.js';

const list = $('chips');
const section = $('following');

/**
 * @param {Iterable<object>} feeds the page's followed feed states, in order
 * @param {{unfollow(key), toggleNotify(key)}} actions
 */
export function renderChips(feeds, actions) {
  feeds = [...feeds];
  const items = [];
  for (const fs of feeds) {
    if (!fs.chip) build(fs, actions);
    renderChip(fs);
    items.push(fs.chipItem);
  }
  const focused = document.activeElement;
  list.replaceChildren(...items);
  if (focused && focused.isConnected && list.contains(focused)) focused.focus();
  section.hidden = items.length === 0;
  renderAlternates(feeds);
}

function build(fs, actions) {
  fs.chip = h('button', {
    type: 'button', class: 'chip', 'data-testid': 'followed-feed', dataset: { feed: fs.key },
    on: { click: () => actions.unfollow(fs.key) },
  },
  h('span', { class: 'chip-dot', 'aria-hidden': 'true' }),
  feedIcon(fs.key),
  h('span', { class: 'chip-text' }, h('span', { class: 'chip-title' }), h('span', { class: 'chip-counts', 'data-testid': 'feed-counts' })),
  h('span', { class: 'visually-hidden chip-status' }),
  h('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }));
  fs.bell = h('button', {
    type: 'button', class: 'chip-bell', 'data-testid': 'notify-toggle', dataset: { feed: fs.key },
    on: { click: () => actions.toggleNotify(fs.key) },
  });
  fs.atom = h('a', { class: 'chip-atom', 'data-testid': 'atom-link', href: atomUrl(fs.key), text: 'Atom' });
  fs.chipItem = h('li', { class: 'chip-item' }, fs.chip, fs.bell, fs.atom);
}

/** Brings one chip up to date with its feed's state. */
export function renderChip(fs) {
  if (!fs.chip) return;
  const title = titleOf(fs.key);
  fs.chip.querySelector('.chip-title').textContent = title;
  fs.chip.dataset.state = fs.error ? 'error' : fs.live ? 'live' : 'idle';
  fs.chip.classList.toggle('has-gap', fs.gap);
  fs.chip.querySelector('.chip-dot').title = fs.error || (fs.live ? 'Live' : 'Not live right now');

  const parts = [];
  if (Number.isFinite(fs.head)) parts.push(plural(fs.head, 'article', 'articles'));
  // The count may predate our own subscription: while this page follows live it is at least one.
  if (Number.isFinite(fs.followers)) parts.push(`${formatNumber(fs.live ? Math.max(fs.followers, 1) : fs.followers)} following`);
  fs.chip.querySelector('.chip-counts').textContent = parts.join(' · ') || (fs.loading ? 'loading…' : '');
  // The chip's name is its visible text and then this, so speech users can say what they see.
  const status = fs.gap ? ', some articles were skipped' : fs.error ? `, ${fs.error}` : '';
  fs.chip.querySelector('.chip-status').textContent = `${status}. Unfollow`;
  fs.chip.title = `Unfollow ${title}`;

  fs.bell.replaceChildren(icon(fs.notify ? 'bell-ringing' : 'bell'));
  fs.bell.setAttribute('aria-pressed', String(!!fs.notify));
  fs.bell.setAttribute('aria-label', `Notify me of new articles in ${title}`);
  fs.bell.title = fs.notify ? `Notifications on for ${title}` : `Notify me of new articles in ${title}`;
  fs.atom.title = `Atom feed of ${title}`;
  fs.atom.setAttribute('aria-label', `Atom feed of ${title}`);
}

export function flashChip(fs) {
  if (!fs || !fs.chip) return;
  fs.chip.classList.remove('is-flash');
  void fs.chip.offsetWidth; // restarts the animation
  fs.chip.classList.add('is-flash');
}

/** Feed autodiscovery: browsers and readers find the followed feeds' Atom documents in the head. */
function renderAlternates(feeds) {
  for (const old of document.head.querySelectorAll('link[data-feed-alternate]')) old.remove();
  for (const fs of feeds) {
    document.head.append(h('link', {
      rel: 'alternate', type: 'application/atom+xml', title: titleOf(fs.key), href: atomUrl(fs.key), dataset: { feedAlternate: fs.key },
    }));
  }
}
