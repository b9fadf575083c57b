/*
 * feed-client.js: follow Feed's live feeds from any web page, the way Feed.Client does for .NET.
 *
 *   import { FeedClient } from 'http://127.0.0.1:5080/feed-client.js';
 *   const client = new FeedClient();                       // the hub of the server this file came from
 *   client.on('article', (item) => show(item.article));    // each article once, even when in several feeds
 *   client.on('gap', ({ feed }) => warn(feed));            // some articles of that feed were skipped
 *   client.start();
 *   client.follow('relation:AZ-KR');                       // from now; { after: seq } resumes
 *
 * What it takes care of: reconnecting for as long as it takes (quick retries, then a slower beat);
 * resubscribing every feed with `after` = the last seq it delivered, so nothing is lost or repeated across
 * drops and server restarts; keeping, of live items that race ahead of a Subscribe answer, only those after
 * the answer's head; sending each article once across overlapping feeds (by id, over a bounded memory);
 * gap notices, both when a Subscribe answers complete:false and when the hub says it skipped items.
 *
 * Events (client.on(name, listener)): article (item, {missed}), gap ({feed}), counts ({feed, head,
 * followers}: pushed by the hub when they change), subscribed ({feed, head, title, followers, complete,
 * delivered}), refused ({feed, message, transient}: a transient refusal is retried by itself, a final one
 * drops the feed), state (connecting | live | reconnecting | offline | stopped, retry delay in ms),
 * resubscribed ({delivered}: every feed is followed again after a drop).
 *
 * It needs the official SignalR browser client: the global `signalR` if the page loaded it, otherwise it
 * loads the copy served beside this file (lib/signalr/signalr.min.js).
 */

/** Default timings, each overridable in the constructor's options. */
export const defaults = Object.freeze({
  /** Delays of SignalR's own reconnect attempts; after these, `slowRetryMs` (plus jitter) until it works. */
  reconnectDelaysMs: [0, 1000, 2000, 5000],
  slowRetryMs: 5000,
  /** Delays before starting a new connection after one closed for good (or the first start failed). */
  restartDelaysMs: [1000, 2000, 5000, 10000, 15000, 30000],
  /** Wait before subscribing again when the server said a feed was unavailable for the moment. */
  unavailableRetryMs: 5000,
  /** Article ids remembered to deliver each article once across feeds. */
  recentArticles: 1000,
});

const CHANGE_EVENTS = ['article', 'gap', 'counts', 'subscribed', 'refused', 'state', 'resubscribed'];

export class FeedClient {
  /**
   * @param {object} [options]
   * @param {string} [options.url] the hub; default /hubs/feed on the server that served this file
   * @param {object} [options.signalR] the SignalR client to use instead of the global or the served copy
   * @param {number} [options.logLevel] a signalR.LogLevel; default: none
   */
  constructor(options = {}) {
    this.options = { ...defaults, ...options };
    this.url = options.url || new URL('/hubs/feed', import.meta.url).href;
    this.feeds = new Map();          // key -> { key, lastSeq, pending, buffer, live, gen, retryTimer }
    this.recent = new Set();
    this.recentOrder = [];
    this.listeners = new Map(CHANGE_EVENTS.map((name) => [name, new Set()]));
    this.connection = null;
    this.state = 'stopped';
    this.stopped = true;
    this.restartAttempt = 0;
    this.restartTimer = 0;
    this.everConnected = false;
  }

  /** Calls `listener` for each event of that name; returns a function that removes it. */
  on(name, listener) {
    const set = this.listeners.get(name);
    if (!set) throw new Error(`FeedClient has no event '${name}'; it has ${CHANGE_EVENTS.join(', ')}.`);
    set.add(listener);
    return () => set.delete(listener);
  }

  emit(name, ...args) {
    for (const listener of [...this.listeners.get(name)]) {
      try { listener(...args); } catch (e) { setTimeout(() => { throw e; }); } // one bad listener stops no other
    }
  }

  /** Connects (and keeps reconnecting until stop). Resolves once the first attempt has ended either way. */
  async start() {
    if (!this.stopped) return;
    this.stopped = false;
    const signalR = await loadSignalR(this.options.signalR);
    if (this.stopped) return;
    this.signalR = signalR;
    this.connection = this.build(signalR);
    await this.connect();
  }

  /** Follows a feed: from `after` (the last seq seen), or from now when it is null or left out. */
  async follow(feed, { after = null } = {}) {
    let fs = this.feeds.get(feed);
    if (!fs) {
      fs = { key: feed, lastSeq: after, pending: false, buffer: [], live: false, gen: 0, retryTimer: 0 };
      this.feeds.set(feed, fs);
    }
    return this.subscribe(fs);
  }

  /** Stops following a feed; items of it that are already on their way are dropped. */
  async unfollow(feed) {
    const fs = this.feeds.get(feed);
    if (!fs) return;
    this.feeds.delete(feed);
    clearTimeout(fs.retryTimer);
    fs.gen++;
    if (this.connected && (fs.live || fs.pending)) {
      try { await this.connection.invoke('Unsubscribe', feed); } catch { /* the connection is going anyway */ }
    }
  }

  /** The last seq delivered (or passed) of a followed feed: what a resume starts after. */
  position(feed) {
    const fs = this.feeds.get(feed);
    return fs ? fs.lastSeq : null;
  }

  isLive(feed) {
    const fs = this.feeds.get(feed);
    return !!fs && fs.live;
  }

  get connected() {
    return !!this.connection && this.connection.state === this.signalR.HubConnectionState.Connected;
  }

  /** Tries to connect now instead of at the next scheduled retry (e.g. when the network is back). */
  retryNow() {
    if (!this.stopped && this.connection && this.connection.state === this.signalR.HubConnectionState.Disconnected) {
      this.restartAttempt = 0;
      this.connect();
    }
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    for (const fs of this.feeds.values()) clearTimeout(fs.retryTimer);
    if (this.connection) await this.connection.stop();
    this.setState('stopped');
  }

  // ------------------------------------------------------------------------------------------ internals

  build(signalR) {
    const { reconnectDelaysMs, slowRetryMs } = this.options;
    const connection = new signalR.HubConnectionBuilder()
      // WebSockets straight away: works behind several web fronts without sticky sessions.
      .withUrl(this.url, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: ({ previousRetryCount: i }) => {
          const delay = i < reconnectDelaysMs.length ? reconnectDelaysMs[i] : slowRetryMs + Math.round(Math.random() * slowRetryMs);
          // Once the quick retries have failed (or the device is offline) say so; retrying goes on.
          if (i >= reconnectDelaysMs.length || navigator.onLine === false) this.setState('offline', delay);
          return delay;
        },
      })
      .configureLogging(this.options.logLevel ?? signalR.LogLevel.None)
      .build();
    connection.on('article', (item) => this.arrived(item));
    connection.on('gap', (notice) => { if (notice && this.feeds.has(notice.feed)) this.emit('gap', { feed: notice.feed }); });
    connection.on('counts', (counts) => this.counted(counts));
    connection.onreconnecting(() => { this.notLive(); this.setState('reconnecting'); });
    connection.onreconnected(() => this.onConnected());
    connection.onclose(() => { this.notLive(); if (!this.stopped) this.scheduleRestart(); });
    return connection;
  }

  async connect() {
    clearTimeout(this.restartTimer);
    if (this.stopped || this.connection.state !== this.signalR.HubConnectionState.Disconnected) return;
    this.setState(this.everConnected ? 'reconnecting' : 'connecting');
    try {
      await this.connection.start();
    } catch {
      if (!this.stopped) this.scheduleRestart();
      return;
    }
    await this.onConnected();
  }

  async onConnected() {
    const again = this.everConnected;
    this.everConnected = true;
    this.restartAttempt = 0;
    this.setState('live');
    const answers = await Promise.all([...this.feeds.values()].map((fs) => this.subscribe(fs)));
    // After a drop: how many articles came back in the answers (what was published meanwhile).
    if (again) this.emit('resubscribed', { delivered: answers.reduce((n, a) => n + (a ? a.delivered : 0), 0) });
  }

  scheduleRestart() {
    clearTimeout(this.restartTimer);
    const steps = this.options.restartDelaysMs;
    const delay = Math.round(steps[Math.min(this.restartAttempt++, steps.length - 1)] * (0.8 + Math.random() * 0.4));
    this.setState('offline', delay);
    this.restartTimer = setTimeout(() => this.connect(), delay);
  }

  setState(state, retryInMs) {
    this.state = state;
    this.emit('state', state, retryInMs);
  }

  notLive() {
    for (const fs of this.feeds.values()) {
      fs.live = false;
      fs.pending = false;
      fs.buffer = [];
      fs.gen++;
    }
  }

  /** Subscribes one feed from its position; the answer's missed items are delivered before anything newer. */
  async subscribe(fs) {
    if (!this.connected || this.feeds.get(fs.key) !== fs) return null;
    clearTimeout(fs.retryTimer);
    const gen = ++fs.gen;
    fs.pending = true;
    fs.buffer = [];
    let answer;
    try {
      answer = await this.connection.invoke('Subscribe', fs.key, fs.lastSeq);
    } catch (e) {
      if (gen !== fs.gen || this.feeds.get(fs.key) !== fs) return null;
      fs.pending = false;
      fs.buffer = [];
      if (!this.connected) return null; // the reconnect subscribes again
      const message = hubMessage(e);
      // "Unavailable right now" is the cluster catching its breath: try again. Anything else is final.
      if (/unavailable right now/i.test(message)) {
        fs.retryTimer = setTimeout(() => this.subscribe(fs), this.options.unavailableRetryMs);
        this.emit('refused', { feed: fs.key, message, transient: true });
      } else {
        this.feeds.delete(fs.key);
        this.emit('refused', { feed: fs.key, message, transient: false });
      }
      return null;
    }
    if (gen !== fs.gen || this.feeds.get(fs.key) !== fs) return null;
    fs.pending = false;
    fs.live = true;
    const head = Number(answer.head);
    // A head below our position means the feed's history was reset: follow the server, or every new
    // item would be dropped as a repeat.
    if (fs.lastSeq !== null && head < fs.lastSeq) fs.lastSeq = head;
    if (answer.complete === false) this.emit('gap', { feed: fs.key });
    let delivered = 0;
    for (const item of bySeq(answer.missed)) delivered += this.accept(fs, item, true);
    if (fs.lastSeq === null || fs.lastSeq < head) fs.lastSeq = head;
    // Live items that came before the answer: anything up to the head was in it.
    const early = fs.buffer;
    fs.buffer = [];
    for (const item of bySeq(early)) delivered += this.accept(fs, item, false);
    const result = {
      feed: fs.key, head, title: answer.title || '', followers: Number(answer.followers),
      complete: answer.complete !== false, delivered,
    };
    this.emit('subscribed', result);
    return result;
  }

  arrived(item) {
    const fs = item && this.feeds.get(item.feed);
    if (!fs) return;
    if (fs.pending) { fs.buffer.push(item); return; }
    if (fs.live) this.accept(fs, item, false);
  }

  /** Moves the feed's position to the item and delivers its article unless it went out already. */
  accept(fs, item, missed) {
    const seq = Number(item.seq);
    if (fs.lastSeq !== null && seq <= fs.lastSeq) return 0;
    fs.lastSeq = seq;
    const id = item.article && item.article.id;
    if (!id || this.seen(id)) return 0;
    this.emit('article', item, { missed });
    return 1;
  }

  seen(id) {
    if (this.recent.has(id)) return true;
    this.recent.add(id);
    this.recentOrder.push(id);
    while (this.recentOrder.length > this.options.recentArticles) this.recent.delete(this.recentOrder.shift());
    return false;
  }

  counted(counts) {
    const fs = counts && this.feeds.get(counts.feed);
    if (!fs) return;
    // The hub sends counts after every item of that feed up to `head` that was for this connection, so
    // the items in between went through another followed feed: resuming after `head` loses nothing.
    const head = Number(counts.head);
    if (fs.live && !fs.pending && Number.isFinite(head) && (fs.lastSeq === null || head > fs.lastSeq)) fs.lastSeq = head;
    this.emit('counts', { feed: counts.feed, head, followers: Number(counts.followers) });
  }
}

function bySeq(items) {
  return (Array.isArray(items) ? items.slice() : []).sort((a, b) => Number(a.seq) - Number(b.seq));
}

function hubMessage(e) {
  const raw = String((e && e.message) || e || '');
  const m = /HubException:\s*([\s\S]*)$/.exec(raw);
  return (m ? m[1] : raw).trim() || 'The server refused the request.';
}

let loading = null;

/** The SignalR client: given, global, or the copy served beside this module (loaded once). */
function loadSignalR(given) {
  if (given) return Promise.resolve(given);
  if (globalThis.signalR) return Promise.resolve(globalThis.signalR);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('./lib/signalr/signalr.min.js', import.meta.url).href;
    script.onload = () => (globalThis.signalR ? resolve(globalThis.signalR) : reject(new Error('SignalR did not load.')));
    script.onerror = () => { loading = null; reject(new Error(`Could not load ${script.src}.`)); };
    document.head.append(script);
  });
  return loading;
}
