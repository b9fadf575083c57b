/*
 * Article cards in a list, newest first, once per article. Used twice: the followed feeds' stream and
 * "Latest from everywhere" on the first visit. A card shows headline, source, relative time, flags and
 * topics; a click (or Enter on the headline) opens summary, body and the link to the source.
 * Nothing jumps under a reader who has scrolled down: new cards wait behind a "N new articles" pill (the
 * stream) or are inserted with the scroll position kept (everywhere).
 */
import { h, str, parseTime, relativeTime, absoluteTime, safeHttpUrl, formatNumber, prefersReducedMotion } from './dom.js';
import { ALL, isCountryCode, feedKind } from './feed-keys.js';
import { titleOf, countryName, topicTitle } from './titles.js';
import { flag, topicIcon, feedIcon } from './icons.js';
import { readArticle } from './api.js';

const SCROLLED_SLACK_PX = 24; // how far past the top of the list still counts as "at the top"
const FRESH_HIGHLIGHT_MS = 4000;
const FEED_ORDER = { relation: 0, country: 1, topic: 2 };

let serial = 0;

export class CardList {
  /**
   * @param {HTMLOListElement} list
   * @param {object} options
   *   testId: the cards' data-testid; max: most cards kept;
   *   footer(rec): the node under a card's tags (the feeds it came through, or follow buttons);
   *   pill: {button, text} to hold new cards while scrolled down, or none to insert with the scroll kept;
   *   topbar: the sticky bar whose height the scroll logic allows for; changed(): after cards come or go.
   */
  constructor(list, options) {
    this.list = list;
    this.options = options;
    this.cards = new Map();   // id -> { id, article, feeds:Set, sortTime, el, toggle, details }
    this.waiting = [];        // cards held behind the pill
    this.liveClock = 0;
    list.addEventListener('click', (ev) => this.clicked(ev));
    if (options.pill) options.pill.button.addEventListener('click', () => this.flush(true));
  }

  get size() { return this.cards.size; }
  get shown() { return this.list.children.length + this.waiting.length; }
  has(id) { return this.cards.has(id); }

  /** Puts the article on the list once; later calls only add the feed it came through. True when new. */
  add(article, { via = null, live = false } = {}) {
    const id = str(article && article.id);
    if (!id) return false;
    const known = this.cards.get(id);
    if (known) {
      const before = known.feeds.size;
      this.addFeeds(known, article, via);
      if (known.feeds.size !== before) this.refreshFooter(known);
      return false;
    }
    // A live arrival goes to the top, whatever time its publisher wrote; history sorts by its time.
    this.liveClock = Math.max(Date.now(), this.liveClock + 1);
    const rec = { id, article, feeds: new Set(), sortTime: live ? this.liveClock : (parseTime(article.publishedAt) ?? Date.now()), fresh: live };
    this.addFeeds(rec, article, via);
    this.cards.set(id, rec);
    this.build(rec);
    if (live && this.options.pill && this.scrolledDown()) {
      this.waiting.push(rec);
      this.updatePill();
    } else {
      this.keepScroll(() => this.place(rec));
    }
    this.trim();
    return true;
  }

  addFeeds(rec, article, via) {
    if (via) rec.feeds.add(via);
    for (const f of Array.isArray(article.feeds) ? article.feeds : []) if (typeof f === 'string' && f !== ALL) rec.feeds.add(f);
  }

  /** Removes the cards `drop` says go (e.g. no followed feed left), keeping the reader's place. */
  removeWhere(drop) {
    this.keepScroll(() => {
      for (const rec of [...this.cards.values()]) {
        if (drop(rec)) this.remove(rec);
        else this.refreshFooter(rec);
      }
    }, (el) => !drop(this.cards.get(el.dataset.articleId) || { feeds: new Set() }));
    this.updatePill();
    this.options.changed();
  }

  clear() {
    for (const rec of [...this.cards.values()]) this.remove(rec);
    this.updatePill();
  }

  refreshFooters() {
    for (const rec of this.cards.values()) this.refreshFooter(rec);
  }

  /** Relative times move on ("just now" becomes "2 min ago"). */
  tick() {
    const now = Date.now();
    for (const rec of this.cards.values()) {
      const t = rec.el.querySelector('time[data-ms]');
      if (t) t.textContent = relativeTime(Number(t.dataset.ms), now);
    }
  }

  // ----------------------------------------------------------------------------------- one card

  build(rec) {
    const a = rec.article;
    const detailsId = `card-details-${++serial}`;
    rec.toggle = h('button', { type: 'button', class: 'card-toggle', 'aria-expanded': 'false', 'aria-controls': detailsId },
      str(a.headline) || 'Untitled article');
    rec.details = h('div', { class: 'card-details', id: detailsId, hidden: true });
    rec.footer = h('div', { class: 'card-footer' });
    rec.el = h('li', { class: 'card', 'data-testid': this.options.testId, tabindex: '-1', dataset: { articleId: rec.id } },
      h('article', { class: 'card-inner' },
        h('h3', { class: 'card-headline', 'data-testid': 'article-headline' }, rec.toggle),
        this.meta(a),
        str(a.summary) ? h('p', { class: 'card-summary', text: a.summary }) : null,
        this.tags(a),
        rec.details,
        rec.footer));
    this.refreshFooter(rec);
  }

  meta(a) {
    const meta = h('div', { class: 'card-meta' });
    if (str(a.source)) meta.append(h('span', { class: 'card-source', text: a.source }));
    const published = parseTime(a.publishedAt);
    if (published !== null) {
      meta.append(h('time', {
        class: 'card-time', datetime: new Date(published).toISOString(), title: absoluteTime(published),
        dataset: { ms: String(published) }, text: relativeTime(published, Date.now()),
      }));
    }
    return meta;
  }

  tags(a) {
    const tags = h('div', { class: 'card-tags' });
    const countries = Array.isArray(a.countries) ? a.countries.filter(isCountryCode).slice(0, 8) : [];
    for (const code of countries) {
      const up = code.toUpperCase();
      tags.append(h('span', { class: 'flag-tag', title: countryName(up) }, flag(up),
        h('span', { class: 'cc', text: up }), h('span', { class: 'visually-hidden', text: ` (${countryName(up)})` })));
    }
    const topics = Array.isArray(a.topics) ? a.topics.filter((t) => typeof t === 'string' && t).slice(0, 6) : [];
    for (const slug of topics) tags.append(h('span', { class: 'topic-tag' }, topicIcon(slug), topicTitle(slug)));
    return tags;
  }

  refreshFooter(rec) {
    const feeds = [...rec.feeds].sort((x, y) => (FEED_ORDER[feedKind(x)] ?? 3) - (FEED_ORDER[feedKind(y)] ?? 3));
    rec.footer.replaceChildren(...[this.options.footer(rec, feeds)].filter(Boolean));
  }

  details(rec) {
    const a = rec.article;
    const box = rec.details;
    box.replaceChildren();
    if (str(a.summary)) box.append(h('p', { class: 'details-summary', text: a.summary }));
    const body = str(a.body);
    if (body) {
      for (const para of body.split(/\n\s*\n|\r?\n/).map((p) => p.trim()).filter(Boolean)) box.append(h('p', { class: 'details-body', text: para }));
    } else if (rec.bodyLoading || rec.bodyError) {
      box.append(h('p', { class: 'details-loading', text: rec.bodyError || 'Loading the full article…' }));
    }
    const link = safeHttpUrl(a.url);
    if (link) {
      box.append(h('p', { class: 'details-link' }, h('a', { href: link.href, target: '_blank', rel: 'noopener noreferrer' },
        `Read at ${str(a.source) || link.hostname}`, h('span', { class: 'ext', 'aria-hidden': 'true', text: ' ↗' }),
        h('span', { class: 'visually-hidden', text: ' (opens in a new tab)' }))));
    }
  }

  async loadBody(rec) {
    if (rec.bodyLoading || str(rec.article.body)) return;
    rec.bodyLoading = true;
    rec.bodyError = '';
    this.details(rec);
    try {
      const full = await readArticle(rec.id);
      if (full && typeof full === 'object') rec.article = { ...rec.article, ...full };
      if (!str(rec.article.body)) rec.bodyError = 'The full text of this article is not available.';
    } catch (e) {
      rec.bodyError = `The full text could not be loaded: ${e.message}`;
    } finally {
      rec.bodyLoading = false;
      if (rec.el.isConnected && rec.toggle.getAttribute('aria-expanded') === 'true') this.keepScroll(() => this.details(rec));
    }
  }

  setOpen(rec, open) {
    this.keepScroll(() => {
      rec.toggle.setAttribute('aria-expanded', String(open));
      rec.el.classList.toggle('is-open', open);
      if (open) this.details(rec);
      rec.details.hidden = !open;
    });
    if (open && !str(rec.article.body)) this.loadBody(rec);
  }

  clicked(ev) {
    const li = ev.target.closest('.card');
    if (!li || ev.target.closest('a') || ev.target.closest('.card-footer')) return; // links and follow buttons work as themselves
    if (ev.target.closest('.card-details') && !ev.target.closest('button')) return;   // reading or selecting text
    const sel = window.getSelection && window.getSelection();
    if (sel && !sel.isCollapsed && li.contains(sel.anchorNode)) return;                 // finishing a text selection
    const rec = this.cards.get(li.dataset.articleId);
    if (rec) this.setOpen(rec, rec.toggle.getAttribute('aria-expanded') !== 'true');
  }

  // ------------------------------------------------------------------------------ list and scroll

  place(rec) {
    let before = null;
    for (const child of this.list.children) {
      const other = this.cards.get(child.dataset.articleId);
      if (other && (other.sortTime < rec.sortTime || (other.sortTime === rec.sortTime && other.id < rec.id))) { before = child; break; }
    }
    this.list.insertBefore(rec.el, before);
    if (rec.fresh) {
      rec.fresh = false;
      rec.el.classList.add('is-fresh');
      setTimeout(() => rec.el.classList.remove('is-fresh'), FRESH_HIGHLIGHT_MS);
    }
  }

  remove(rec) {
    this.cards.delete(rec.id);
    this.waiting = this.waiting.filter((w) => w !== rec);
    rec.el.remove();
  }

  trim() {
    const extra = this.cards.size - this.options.max;
    if (extra <= 0) return;
    // Oldest first, but never the one being read.
    const oldest = [...this.cards.values()].filter((r) => r.toggle.getAttribute('aria-expanded') !== 'true')
      .sort((x, y) => x.sortTime - y.sortTime).slice(0, extra);
    for (const rec of oldest) this.remove(rec);
  }

  stickyOffset() {
    const bar = this.options.topbar;
    const position = getComputedStyle(bar).position;
    return position === 'sticky' || position === 'fixed' ? bar.getBoundingClientRect().bottom : 0;
  }

  scrolledDown() {
    if (!this.list.offsetParent) return false;
    return this.list.getBoundingClientRect().top < this.stickyOffset() - SCROLLED_SLACK_PX;
  }

  /** Runs `mutate`, then scrolls so the first card visible before stays where it was. */
  keepScroll(mutate, canAnchor) {
    if (!this.scrolledDown()) { mutate(); return; }
    const limit = this.stickyOffset();
    const anchor = [...this.list.children].find((c) => (!canAnchor || canAnchor(c)) && c.getBoundingClientRect().bottom > limit);
    const before = anchor ? anchor.getBoundingClientRect().top : 0;
    mutate();
    if (anchor && anchor.isConnected) {
      const delta = anchor.getBoundingClientRect().top - before;
      if (Math.abs(delta) >= 1) window.scrollBy(0, delta);
    }
  }

  /** Shows the held cards: at once when `toTop` (the pill was pressed), else when the reader is back at the top. */
  flush(toTop) {
    if (!this.waiting.length) return;
    const held = this.waiting;
    this.waiting = [];
    const apply = () => { for (const rec of held) if (this.cards.get(rec.id) === rec) this.place(rec); };
    if (toTop) apply(); else this.keepScroll(apply);
    this.updatePill();
    this.options.changed();
    if (toTop) {
      window.scrollTo({ top: 0, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
      this.list.focus({ preventScroll: true });
    }
  }

  /** Called on scroll: held cards appear once the reader is back at the top. */
  scrolled() {
    if (this.waiting.length && !this.scrolledDown()) this.flush(false);
  }

  updatePill() {
    const pill = this.options.pill;
    if (!pill) return;
    const n = this.waiting.length;
    pill.button.hidden = n === 0;
    if (n) pill.text.textContent = n === 1 ? '1 new article' : `${formatNumber(n)} new articles`;
  }
}

/** The footer of a followed stream's card: the followed feeds it came through. */
export function viaFooter(followed) {
  return (rec, feeds) => {
    const list = feeds.filter((f) => followed(f));
    if (!list.length) return null;
    return h('p', { class: 'via' }, h('span', { class: 'via-label', text: 'via' }),
      list.map((key) => h('span', { class: 'via-tag', title: key, dataset: { feed: key } }, feedIcon(key), titleOf(key))));
  };
}

/** The footer of a card from everywhere: buttons that follow the feeds the article belongs to. */
export function followFooter(follow, most) {
  return (rec, feeds) => {
    if (!feeds.length) return null;
    return h('div', { class: 'card-follow' }, h('span', { class: 'via-label', text: 'Follow' }),
      feeds.slice(0, most).map((key) => h('button', {
        type: 'button', class: 'follow-tag', 'data-testid': 'follow-from-card', dataset: { feed: key },
        'aria-label': `Follow ${titleOf(key)}`, on: { click: () => follow(key) },
      }, feedIcon(key), h('span', { text: titleOf(key) }), h('span', { class: 'follow-plus', 'aria-hidden': 'true', text: '+' }))));
  };
}
