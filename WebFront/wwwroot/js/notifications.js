/*
 * Browser notifications for followed feeds, and the unread count in the tab title. A person turns
 * notifications on per feed (the bell on its chip); permission is asked only on that click. While the
 * tab is in the background, a new article in a notifying feed shows a system notification, and the tab
 * title counts the articles that arrived unseen.
 */
import { str } from './dom.js';

const BASE_TITLE = document.title;
let unread = 0;

export const supported = () => typeof window.Notification === 'function';

export const permission = () => (supported() ? Notification.permission : 'unsupported');

/** Asks for permission (only ever from a click); true when notifications may be shown. */
export async function askPermission() {
  if (!supported()) return false;
  if (Notification.permission === 'granted') return true;
  if (Notification.permission === 'denied') return false;
  try { return (await Notification.requestPermission()) === 'granted'; } catch { return false; }
}

const inBackground = () => document.visibilityState === 'hidden';

/**
 * A live article arrived. Counts it as unread while the tab is in the background, and notifies when it
 * came through a feed with notifications on.
 */
export function arrived(article, feedTitle, notify) {
  if (!inBackground()) return;
  unread += 1;
  document.title = `(${unread}) ${BASE_TITLE}`;
  if (!notify || permission() !== 'granted') return;
  try {
    const note = new Notification(str(article.headline) || 'New article', {
      body: [feedTitle, str(article.source)].filter(Boolean).join(' · '),
      tag: `feed-article-${str(article.id)}`, // the same article from two feeds shows once
      lang: 'en',
    });
    note.onclick = () => { window.focus(); note.close(); };
  } catch { /* some browsers allow notifications only from a service worker: the title still counts */ }
}

document.addEventListener('visibilitychange', () => {
  if (inBackground()) return;
  unread = 0;
  document.title = BASE_TITLE;
});
