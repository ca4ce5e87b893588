// Cutroom Studio: wires the panels to the API. First load gets a token and a session
// ("Setting up…" then "Ready"); every upload, chat turn and export ends by reading the
// session's state and the credits again, and a changed draft brings its live preview.

import { Api, describeError } from './api.js';
import { apply, lang, langTag, onLangChange, setLang, t } from './i18n.js';
import { h, replace } from './dom.js';
import { renderTimeline } from './timeline.js';
import { renderBin, renderGenerated } from './media.js';
import { setupChat } from './chat.js';
import { setupExport } from './export.js';
import { setupTimelineExport } from './timeline-export.js';
import { setupPreview } from './preview.js';
import { setupUpload } from './upload.js';

const $ = id => document.getElementById(id);
const api = new Api();
let lastState = null;
let lastCredits = null;
let previewedId = null;

apply();
$('lang').value = lang();
$('lang').addEventListener('change', e => setLang(e.target.value));
onLangChange(() => {
  setStatus($('status').dataset.state);
  render(true);
  preview.relabel();
});
api.onSessionReset = () => notice(describeError({ code: 1002 }));

const preview = setupPreview(api, {
  video: $('preview'), empty: $('preview-empty'), frame: $('preview-frame'), scrub: $('scrub'), scrubTime: $('scrub-time'),
  showDraft: $('preview-draft'), status: $('preview-status'),
});

setupUpload(api, {
  dropzone: $('dropzone'), choose: $('choose'), input: $('file-input'),
  progress: $('upload-progress'), bar: $('upload-bar'), status: $('upload-status'),
}, { onDone: refresh, onError: e => notice(describeError(e)) });

const chat = setupChat(api, {
  form: $('chat-form'), input: $('message'), send: $('send'), log: $('chat-log'), busy: $('busy'),
  progress: $('turn-progress'), progressBar: $('turn-bar'), progressText: $('turn-text'),
}, {
  onTurnEnd: refresh,
  readSummary: async () => (await api.state()).state.timeline_summary,
});

setupExport(api, {
  button: $('export'), quality: $('quality'), progress: $('export-progress'), bar: $('export-bar'),
  status: $('export-status'), result: $('export-result'),
}, { play, onDone: refresh });

setupTimelineExport(api, { button: $('export-timeline'), format: $('timeline-format'), status: $('export-status') });

start();

async function start() {
  setStatus('setup');
  try {
    await api.start(langTag());
    await refresh();
    chat.restore(lastState?.state?.messages);
    for (const id of ['choose', 'send', 'export', 'export-timeline']) $(id).disabled = false;
    setStatus('ready');
  } catch (e) {
    setStatus('offline', describeError(e).text);
  }
}

function setStatus(state, msg = '') {
  const el = $('status');
  el.dataset.state = state;
  if (state === 'setup') replace(el, t('settingUp'));
  else if (state === 'ready') replace(el, t('ready'));
  else replace(el, t('offline', { msg: msg || el.dataset.msg || '' }), ' ',
    h('button', { type: 'button', class: 'btn small', onclick: start }, t('retry')));
  if (msg) el.dataset.msg = msg;
}

/** Reads the state and the credits again and redraws. */
async function refresh() {
  const [state, credits] = await Promise.all([api.state(), api.credits().catch(() => null)]);
  lastState = state;
  lastCredits = credits;
  render(false);
  const clips = state.state.generated_media.filter(g => g.kind === 'video');
  const newest = clips[clips.length - 1];
  const newClip = Boolean(newest && newest.id !== previewedId);
  if (newClip) { previewedId = newest.id; play(newest.url, newest.name); }
  preview.update(state.state.draft, { keepClip: newClip });
}

function render(force) {
  $('credits').textContent = lastCredits ? t('creditsLine', lastCredits) : t('creditsUnknown');
  if (!lastState) return;
  const s = lastState.state;
  const names = new Map(s.video_infos.map(m => [m.media_id, m.name]));
  renderBin($('media-bin'), s.video_infos, force);
  renderTimeline($('timeline'), s.draft, id => names.get(id));
  $('summary').textContent = s.timeline_summary || '';
  renderGenerated($('generated'), s.generated_media, play, force);
}

/** Puts an export or a generated clip in the preview player. */
function play(url, name) {
  preview.showClip(url, name);
}

/** Shows an error with its action (and the 2001 registration link) above the panels. */
function notice({ text, link, detail }) {
  const el = $('alert');
  el.hidden = false;
  replace(el, h('p', {}, text, link ? [' ', h('a', { href: link.href, target: '_blank', rel: 'noopener' }, link.text)] : null),
    detail ? h('p', { class: 'detail' }, detail) : null,
    h('button', { type: 'button', class: 'btn small secondary', 'aria-label': t('close'), onclick: () => { el.hidden = true; } }, '×'));
}
