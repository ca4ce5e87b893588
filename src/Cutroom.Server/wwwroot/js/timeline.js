// The timeline view of a draft (contract §6): one row per track (video tt 0, audio tt 1, text
// tt 7), each segment placed at st and sized by d against the draft's d, with its label.

import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { formatMs } from './api.js';

const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600];

/** Draws draft into el; nameOf(mediaId) gives a media item's name. */
export function renderTimeline(el, draft, nameOf) {
  const tracks = (draft && draft.t) || [];
  const end = Math.max(0, ...tracks.flatMap(tr => (tr.sg || []).map(s => (s.st || 0) + (s.d || 0))));
  const total = Math.max(draft?.d || 0, end);
  el.dataset.durationMs = String(total);
  if (!tracks.length || total <= 0) {
    replace(el, h('p', { class: 'empty' }, t('timelineEmpty')));
    return;
  }
  replace(el,
    h('div', { class: 'tl-row tl-ruler', 'aria-hidden': 'true' }, h('div', { class: 'tl-head' }, formatMs(total)), ruler(total)),
    tracks.map((tr, i) => track(tr, i, total, nameOf)));
}

function ruler(total) {
  const seconds = total / 1000;
  const step = STEPS.find(s => seconds / s <= 10) || 3600;
  const lane = h('div', { class: 'tl-lane' });
  // A tick's label is drawn right of its line; the last ones would overflow the lane, so ticks stop at 94%.
  for (let s = 0; s * 1000 / total <= 0.94; s += step)
    lane.append(h('span', { class: 'tl-tick', style: { left: `${(s * 1000 / total) * 100}%` } }, formatMs(s * 1000)));
  return lane;
}

function track(tr, index, total, nameOf) {
  const type = tr.tt === 1 ? 'audio' : tr.tt === 7 ? 'text' : 'video';
  const name = tr.m?.name || t(`trackType_${tr.tt}`) || type;
  const segs = tr.sg || [];
  return h('div', { class: `tl-row tl-${type}`, role: 'group', 'aria-label': `${index + 1}. ${name}`, dataset: { tt: String(tr.tt), trackId: tr.id || '' } },
    h('div', { class: 'tl-head' }, h('span', { class: 'tl-name' }, name), h('span', { class: 'tl-type' }, t(`trackType_${tr.tt}`))),
    h('ul', { class: 'tl-lane' }, segs.map(s => segment(s, tr.tt, total, nameOf))));
}

function segment(s, tt, total, nameOf) {
  const st = s.st || 0, d = s.d || 0;
  let label;
  if (tt === 7) label = `“${s.m?.text ?? ''}”`;
  else label = s.m?.label || (s.src && nameOf(s.src)) || s.src || '';
  if (tt === 1 && typeof s.vol === 'number' && s.vol !== 1) label += ` (${Math.round(s.vol * 100)}%)`;
  const range = `${formatMs(st)}–${formatMs(st + d)}`;
  return h('li', {
    class: 'tl-seg',
    title: `${label} ${range}`,
    style: { left: `${(st / total) * 100}%`, width: `${(d / total) * 100}%` },
    dataset: { st: String(st), d: String(d) },
  }, h('span', { class: 'tl-label' }, label), h('span', { class: 'sr-only' }, ` ${range}`));
}
