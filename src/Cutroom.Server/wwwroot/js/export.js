// Export (contract §7): posts the current state's draft as render_<ms> with the attribution
// headers, polls the render's status with a progress bar, then plays the output in the preview
// and offers it for download.

import { h, replace, downloadUrl } from './dom.js';
import { t } from './i18n.js';
import { describeError, formatBytes, formatMs } from './api.js';

const POLL_MS = 700;
const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Wires the export button. ui: {button, quality, progress, bar, status, result}; hooks: {play(url, name), onDone()}. */
export function setupExport(api, ui, hooks) {
  ui.button.addEventListener('click', async () => {
    if (ui.button.disabled) return;
    ui.button.disabled = true;
    replace(ui.result);
    try {
      await run();
    } catch (e) {
      const d = describeError(e);
      showStatus(t('exportFailed', { msg: d.text }), true, d.link);
      ui.progress.hidden = true;
    } finally {
      ui.button.disabled = false;
      await hooks.onDone?.().catch(() => {});
    }
  });

  function showStatus(text, isError = false, link = null) {
    replace(ui.status, text, link ? [' ', h('a', { href: link.href, target: '_blank', rel: 'noopener' }, link.text)] : null);
    ui.status.classList.toggle('error', isError);
  }

  async function run() {
    const state = await api.state();
    const draft = state.state.draft;
    if (!(draft.t || []).some(tr => (tr.sg || []).length)) { showStatus(t('exportNothing'), true); return; }
    const id = `render_${Date.now()}`;
    ui.progress.hidden = false;
    ui.bar.value = 0;
    showStatus(t('exportQueued'));
    await api.startRender(id, draft, ui.quality.value);
    for (;;) {
      await sleep(POLL_MS);
      const r = await api.render(id);
      if (r.status === 'completed') { done(r.output); return; }
      if (r.status === 'failed') {
        ui.progress.hidden = true;
        showStatus(t('exportFailed', { msg: r.error?.message || '' }), true);
        return;
      }
      ui.bar.value = r.progress || 0;
      showStatus(r.status === 'queued' ? t('exportQueued') : t('exportRendering', { pct: r.progress || 0 }));
    }
  }

  function done(out) {
    ui.bar.value = 100;
    ui.progress.hidden = true;
    showStatus(t('exportDone', { w: out.width, h: out.height, dur: formatMs(out.duration_ms), size: formatBytes(out.size_bytes) }));
    const name = `cutroom-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${out.format || 'mp4'}`;
    replace(ui.result, h('a', { class: 'btn', id: 'export-download', href: downloadUrl(out.url), download: name, 'data-i18n': 'downloadExport' }, t('downloadExport')));
    hooks.play(out.url, name);
  }
}
