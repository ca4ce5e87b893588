// Timeline export for NLEs (docs/nle-interchange.md): fetches the session's draft as
// OpenTimelineIO, FCPXML or EDL with the token and saves it as a file download.

import { t } from './i18n.js';
import { describeError } from './api.js';

/** Wires the timeline export. ui: {button, format, status}. */
export function setupTimelineExport(api, ui) {
  ui.button.addEventListener('click', async () => {
    if (ui.button.disabled) return;
    ui.button.disabled = true;
    const format = ui.format.value;
    try {
      const { blob } = await api.timeline(format);
      const name = `cutroom-timeline.${format}`;
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      show(t('timelineDone', { name }), false);
    } catch (e) {
      show(t('timelineFailed', { msg: describeError(e).text }), true);
    } finally {
      ui.button.disabled = false;
    }
  });

  function show(text, isError) {
    ui.status.textContent = text;
    ui.status.classList.toggle('error', isError);
  }
}
