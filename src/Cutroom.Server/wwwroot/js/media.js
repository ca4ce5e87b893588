// The media bin (uploads: state.video_infos) and the generated media (state.generated_media:
// frame grids, clips, audio, archives and JSON, grouped by operation), each with a download link.

import { h, replace, downloadUrl, icon } from './dom.js';
import { t } from './i18n.js';
import { formatMs } from './api.js';

const GRID_LIMIT = 48;
let binKey = null;
let genKey = null;

/** Draws the uploads into el (skipped when the items are unchanged, so players keep their state). */
export function renderBin(el, items, force = false) {
  const key = items.map(m => m.media_id).join(',');
  if (key === binKey && !force) return;
  binKey = key;
  if (!items.length) { replace(el, h('li', { class: 'empty' }, t('binEmpty'))); return; }
  replace(el, items.map(m => h('li', { class: 'bin-item', dataset: { mediaId: m.media_id, kind: m.kind } },
    thumb(m),
    h('div', { class: 'bin-text' },
      h('span', { class: 'bin-name', title: m.name }, m.name),
      h('span', { class: 'bin-meta' }, [t(`kind_${m.kind}`), m.duration_ms && m.kind !== 'image' ? formatMs(m.duration_ms) : null,
        m.width && m.height ? `${m.width}×${m.height}` : null].filter(Boolean).join(' · '))))));
}

function thumb(m) {
  if (m.kind === 'image') return h('img', { class: 'thumb', src: m.url, alt: '', loading: 'lazy', decoding: 'async' });
  if (m.kind === 'video') return h('video', { class: 'thumb', src: `${m.url}#t=0.5`, preload: 'metadata', muted: true, 'aria-hidden': 'true', tabindex: '-1' });
  return h('span', { class: 'thumb thumb-icon' }, icon('note'));
}

/** Draws the generated media into el; onPlay(url, name) puts a clip in the preview player. */
export function renderGenerated(el, items, onPlay, force = false) {
  const key = items.map(g => g.id).join(',');
  if (key === genKey && !force) return;
  genKey = key;
  if (!items.length) { replace(el, h('p', { class: 'empty' }, t('generatedEmpty'))); return; }
  const groups = new Map();
  for (const g of items) {
    if (!groups.has(g.group)) groups.set(g.group, []);
    groups.get(g.group).push(g);
  }
  replace(el, [...groups.values()].reverse().map(list => group(list, onPlay)));
}

function group(list, onPlay) {
  const images = list.filter(g => g.kind === 'image');
  const others = list.filter(g => g.kind !== 'image');
  const shown = images.slice(0, GRID_LIMIT);
  return h('section', { class: 'gen-group', 'aria-label': list[0].op },
    h('h3', {}, `${opName(list[0].op)} · ${list.length}`),
    images.length ? h('ul', { class: 'frame-grid' }, shown.map(frame)) : null,
    images.length > shown.length ? h('p', { class: 'more' }, `+${images.length - shown.length}`) : null,
    others.length ? h('ul', { class: 'gen-files' }, others.map(g => file(g, onPlay))) : null);
}

/** A known operation's name in the page's language, else the op with spaces. */
function opName(op) {
  const key = `op_${op}`;
  const name = t(key);
  return name === key ? op.replaceAll('_', ' ') : name;
}

function frame(g) {
  const time = g.time_ms != null ? formatMs(g.time_ms, true) : '';
  return h('li', { class: 'frame' },
    h('a', { href: g.url, target: '_blank', rel: 'noopener', 'aria-label': `${t('open')} ${g.name}` },
      h('img', { src: g.url, alt: g.name, loading: 'lazy', decoding: 'async' })),
    h('div', { class: 'frame-bar' }, h('span', {}, time), dl(g)));
}

function file(g, onPlay) {
  const meta = [g.duration_ms ? formatMs(g.duration_ms) : null, g.width && g.height ? `${g.width}×${g.height}` : null].filter(Boolean).join(' · ');
  let media = null;
  if (g.kind === 'video') media = h('video', { class: 'clip', src: `${g.url}#t=0.5`, preload: 'metadata', muted: true, 'aria-hidden': 'true', tabindex: '-1' });
  else if (g.kind === 'audio') media = h('audio', { src: g.url, controls: true, preload: 'none', 'aria-label': g.name });
  else media = icon('file');
  return h('li', { class: `gen-file gen-${g.kind}`, dataset: { kind: g.kind } },
    media,
    h('div', { class: 'gen-text' }, h('span', { class: 'gen-name', title: g.name }, g.name), meta ? h('span', { class: 'bin-meta' }, meta) : null),
    h('div', { class: 'gen-actions' },
      g.kind === 'video' ? h('button', { type: 'button', class: 'btn small', onclick: () => onPlay(g.url, g.name) }, t('play')) : null,
      g.kind === 'json' ? h('a', { class: 'btn small secondary', href: g.url, target: '_blank', rel: 'noopener' }, t('open')) : null,
      dl(g)));
}

function dl(g) {
  return h('a', { class: 'btn small secondary', href: downloadUrl(g.url), download: g.name, 'aria-label': `${t('download')} ${g.name}` }, t('download'));
}
