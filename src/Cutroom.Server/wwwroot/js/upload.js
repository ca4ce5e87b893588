// Upload by drag and drop (anywhere on the page) or the file button; one request per drop or
// choice, with a progress bar (XMLHttpRequest upload events). Refusals show the contract's
// action: accepted formats for 4001, compress/trim advice for 4002.

import { t } from './i18n.js';
import { describeError } from './api.js';

/** ui: {dropzone, choose, input, progress, bar, status}; hooks: {onDone(): Promise, onError(e)}. */
export function setupUpload(api, ui, hooks) {
  let busy = false;

  ui.choose.addEventListener('click', () => ui.input.click());
  ui.input.addEventListener('change', () => {
    const files = [...ui.input.files];
    ui.input.value = '';
    send(files);
  });

  let depth = 0;
  const hasFiles = e => [...(e.dataTransfer?.types || [])].includes('Files');
  document.addEventListener('dragenter', e => {
    if (!hasFiles(e)) return;
    depth++;
    ui.dropzone.classList.add('over');
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) ui.dropzone.classList.remove('over');
  });
  document.addEventListener('dragover', e => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', e => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    ui.dropzone.classList.remove('over');
    send([...e.dataTransfer.files]);
  });

  async function send(files) {
    if (!files.length || busy || ui.choose.disabled) return;
    busy = true;
    ui.choose.disabled = true;
    ui.progress.hidden = false;
    ui.bar.value = 0;
    ui.status.classList.remove('error');
    ui.status.textContent = t('uploading', { n: files.length, pct: 0 });
    let lastPct = -1;
    try {
      const data = await api.upload(files, f => {
        const pct = Math.round(f * 100);
        ui.bar.value = pct;
        if (pct !== lastPct && (pct % 10 === 0 || pct === 100)) {
          lastPct = pct;
          ui.status.textContent = pct < 100 ? t('uploading', { n: files.length, pct }) : t('checking', { n: files.length });
        }
      });
      ui.status.textContent = t('uploaded', { n: data.files.length });
      await hooks.onDone();
    } catch (e) {
      const d = describeError(e);
      ui.status.classList.add('error');
      ui.status.textContent = [d.text, d.detail].filter(Boolean).join(' ');
      if (d.link) hooks.onError?.(e);
    } finally {
      busy = false;
      ui.choose.disabled = false;
      ui.progress.hidden = true;
    }
  }
}
