/*
 * Building the page safely, and the small formatting helpers every part uses.
 * Rule: every value from the server goes into the page as text (Text nodes, textContent, attribute
 * values), never parsed as HTML, so a headline "<img src=x onerror=alert(1)>" shows as those characters.
 */

export const $ = (id) => document.getElementById(id);

/**
 * Builds an element. `props`: class, text, dataset (object), on (object of listeners); anything else is
 * set as an attribute (true: present, false/null/undefined: left out). Children: nodes or strings
 * (strings become Text nodes).
 */
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function str(value) {
  return typeof value === 'string' ? value : (value === undefined || value === null ? '' : String(value));
}

const nf = new Intl.NumberFormat();
export const formatNumber = (n) => nf.format(n);

export function plural(n, one, many) {
  return `${nf.format(n)} ${n === 1 ? one : many}`;
}

const absoluteFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const shortDateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const longDateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export const absoluteTime = (ms) => absoluteFmt.format(new Date(ms));

export function parseTime(iso) {
  const t = Date.parse(str(iso));
  return Number.isFinite(t) ? t : null;
}

export function relativeTime(ms, now) {
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

/** Only http(s) addresses become links: a `javascript:` url from a publisher stays text. */
export function safeHttpUrl(value) {
  try {
    const u = new URL(str(value), location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch { return null; }
}

export const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
