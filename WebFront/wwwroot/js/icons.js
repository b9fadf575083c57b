/*
 * Pictures for feeds: SVG flags (flag-icons) for countries and relations, SVG icons (Tabler) for
 * topics, both served from /lib and vendored by ClientApp/vendor.sh. Images, not emoji: emoji flags
 * are empty boxes where no colour-emoji font is installed and two letters on Windows.
 * The page keeps icons by topic slug only; titles and the list of topics come from the server.
 */
import { h } from './dom.js';
import { ALL, feedKind, feedValue, relationCodes, isCountryCode } from './feed-keys.js';

/** Topic slug -> Tabler icon name; every name here is in ClientApp/icons.txt. */
const TOPIC_ICONS = {
  culture: 'masks-theater',
  crime: 'scale',
  disaster: 'flame',
  economy: 'briefcase',
  education: 'school',
  environment: 'leaf',
  health: 'stethoscope',
  'human-interest': 'heart-handshake',
  labour: 'tool',
  lifestyle: 'beach',
  politics: 'building-bank',
  religion: 'pray',
  science: 'flask',
  society: 'users',
  sport: 'ball-football',
  conflict: 'peace',
  weather: 'cloud-rain',
};

/** A decorative picture (its meaning is always in the text beside it, so alt is empty). */
function img(src, className) {
  return h('img', { class: className, src, alt: '', width: className === 'flag' ? 20 : 18, height: className === 'flag' ? 15 : 18, decoding: 'async' });
}

/** A page icon by its Tabler name (bell, alert-triangle…). */
export const icon = (name) => img(`/lib/icons/${name}.svg`, 'icon');

export function flag(code) {
  return isCountryCode(code) ? img(`/lib/flags/${code.toLowerCase()}.svg`, 'flag') : icon('world');
}

export const topicIcon = (slug) => icon(TOPIC_ICONS[String(slug).toLowerCase()] || 'tag');

/** The picture of a feed: its flag, both flags of a relation, a topic's icon, a globe for all. */
export function feedIcon(feed) {
  const kind = feedKind(feed);
  const box = h('span', { class: `feed-icon feed-icon-${kind || 'other'}`, 'aria-hidden': 'true' });
  if (kind === 'country') box.append(flag(feedValue(feed)));
  else if (kind === 'relation') box.append(...relationCodes(feed).map(flag));
  else if (kind === 'topic') box.append(topicIcon(feedValue(feed)));
  else box.append(icon(kind === ALL ? 'world' : 'tag'));
  return box;
}
