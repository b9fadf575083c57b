/*
 * Short messages: toasts (a few seconds, optional action such as Undo) and the screen-reader
 * announcer. New articles are announced as one polite sentence per burst ("3 new articles"), never
 * card by card, so a busy feed does not drown out everything else.
 */
import { $, h } from './dom.js';

const ANNOUNCE_DELAY_MS = 400; // gathers a burst of arrivals into one announcement
const MAX_TOASTS = 4;

const box = $('toasts');
const announcer = $('announcer');

export function toast(message, options = {}) {
  if (options.key) for (const old of box.querySelectorAll('.toast')) if (old.dataset.key === options.key) old.remove();
  const node = h('div', {
    class: `toast${options.error ? ' toast-error' : ''}`, role: options.error ? 'alert' : 'status',
    dataset: options.key ? { key: options.key } : undefined,
  }, h('span', { class: 'toast-text', text: message }));
  let timer = 0;
  const close = () => {
    clearTimeout(timer);
    node.classList.add('toast-leaving');
    setTimeout(() => node.remove(), 200);
  };
  if (options.action) {
    node.append(h('button', {
      type: 'button', class: 'toast-action', text: options.action.label,
      on: { click: () => { close(); options.action.run(); } },
    }));
  }
  node.append(h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss', text: '×', on: { click: close } }));
  box.append(node);
  while (box.children.length > MAX_TOASTS) box.firstElementChild.remove();
  // Longer when there is something to read or do; errors longest.
  timer = setTimeout(close, options.error ? 9000 : options.action ? 7000 : 4000);
  return close;
}

let announceTimer = 0;
let announceCount = 0;

/** Announces new articles politely, once per burst. */
export function announceArticles(count) {
  announceCount += count;
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    announcer.textContent = announceCount === 1 ? '1 new article' : `${announceCount} new articles`;
    announceCount = 0;
  }, ANNOUNCE_DELAY_MS);
}

export function announce(text) {
  clearTimeout(announceTimer);
  announceCount = 0;
  announceTimer = setTimeout(() => { announcer.textContent = text; }, ANNOUNCE_DELAY_MS);
}
