// The live preview (Cutroom's addition to the API): after every change of the draft the page asks
// for the draft's preview (GET /api/preview/nemo_agent/me/<sid>, a small render the server starts
// in the background after each edit) and plays it, muted unless the user unmuted it, before any
// export. Exports and generated clips play in the same player; "Show the draft preview" goes back.
// The scrubber shows single frames of the draft (…/frame?at=<ms>) while it is dragged, one request
// at a time (the newest position wins), and seeks the preview when it is let go.

import { t } from './i18n.js';
import { describeError, formatMs } from './api.js';

/**
 * Wires the player. ui: {video, empty, frame, scrub, scrubTime, showDraft, status}.
 * Returns {update(draft, {keepClip}), showClip(url, name), relabel()}.
 */
export function setupPreview(api, ui) {
  let draftKey = null;      // the draft (as JSON) whose preview was last asked for
  let durationMs = 0;
  let showing = 'none';     // what the player holds: 'draft', 'clip' or 'none'
  let draftUrl = null;      // object URL of the newest draft preview
  let draftHash = null;
  let muted = true;         // the draft preview starts muted (autoplay); the user's choice is kept
  let scrubbing = false;
  let frameWanted = null, frameBusy = false, frameUrl = null, frameAbort = null;
  let said = null;          // the status line's [key, vars, isError], for a language switch

  ui.showDraft.addEventListener('click', () => { if (draftUrl) showDraft(true); });
  ui.scrub.addEventListener('input', () => wantFrame(Number(ui.scrub.value)));
  ui.scrub.addEventListener('change', () => seek(Number(ui.scrub.value)));
  ui.video.addEventListener('volumechange', () => { if (showing === 'draft') muted = ui.video.muted; });
  ui.video.addEventListener('play', hideFrame);
  ui.video.addEventListener('timeupdate', () => {
    if (showing === 'draft' && !scrubbing) ui.scrub.value = String(Math.round(ui.video.currentTime * 1000));
  });

  /** After every read of the state: asks for the preview when the draft changed. keepClip: a clip just made stays in the player. */
  function update(draft, { keepClip = false } = {}) {
    const tracks = draft?.t || [];
    const empty = !tracks.some(tr => (tr.sg || []).length);
    durationMs = empty ? 0 : Math.max(draft.d || 0, ...tracks.flatMap(tr => (tr.sg || []).map(s => (s.st || 0) + (s.d || 0))));
    ui.scrub.max = String(durationMs);
    ui.scrub.hidden = empty;
    const key = JSON.stringify(draft || {});
    if (key === draftKey) return;
    draftKey = key;
    if (empty) { say(null); return; }
    load(key, keepClip);
  }

  async function load(key, keepClip) {
    say('previewRendering');
    ui.video.dataset.preview = 'rendering';
    try {
      const p = await api.preview();
      if (key !== draftKey) return;              // a newer draft's preview is on its way
      const old = draftUrl;
      draftUrl = URL.createObjectURL(p.blob);
      draftHash = p.hash || '';
      if (keepClip && showing === 'clip') {
        ui.showDraft.hidden = false;
        ui.video.dataset.preview = 'waiting';
        say('previewWaiting');
      } else {
        showDraft(true);
      }
      if (old) URL.revokeObjectURL(old);          // after the player let go of it
    } catch (e) {
      if (key !== draftKey) return;
      ui.video.dataset.preview = 'failed';
      say('previewFailed', { msg: describeError(e).text }, true);
    }
  }

  function showDraft(autoplay) {
    showing = 'draft';
    show(draftUrl, 'preview');
    ui.video.dataset.source = 'draft';
    ui.video.dataset.hash = draftHash;
    ui.video.dataset.preview = 'ready';
    ui.showDraft.hidden = true;
    say('previewReady');
    if (autoplay) {
      ui.video.muted = muted;
      ui.video.play().catch(() => { ui.video.muted = true; ui.video.play().catch(() => {}); });
    }
  }

  /** Puts an export or a generated clip in the player (the draft preview stays one click away). */
  function showClip(url, name) {
    showing = 'clip';
    show(url, name);
    ui.video.dataset.source = 'clip';
    delete ui.video.dataset.hash;
    ui.showDraft.hidden = !draftUrl;
    say('playingClip', { name: name || '' });
  }

  function show(url, name) {
    hideFrame();
    ui.video.hidden = false;
    ui.empty.hidden = true;
    ui.video.src = url;
    ui.video.dataset.name = name || '';
    ui.video.load();
  }

  function wantFrame(ms) {
    scrubbing = true;
    ui.scrubTime.hidden = false;
    ui.scrubTime.textContent = formatMs(ms, true);
    frameWanted = Math.min(ms, durationMs);
    if (!frameBusy) fetchFrames();
  }

  async function fetchFrames() {
    frameBusy = true;
    try {
      while (frameWanted != null) {
        const ms = frameWanted;
        frameWanted = null;
        frameAbort = new AbortController();
        try {
          const f = await api.frame(ms, frameAbort.signal);
          if (frameUrl) URL.revokeObjectURL(frameUrl);
          frameUrl = URL.createObjectURL(f.blob);
          ui.frame.src = frameUrl;
          ui.frame.dataset.ms = String(ms);
          ui.frame.dataset.frame = String(f.frame);
          ui.frame.hidden = false;
          ui.empty.hidden = true;
        } catch (e) {
          if (e.name !== 'AbortError') say('previewFailed', { msg: describeError(e).text }, true);
        }
      }
    } finally {
      frameBusy = false;
      frameAbort = null;
    }
  }

  /** The scrubber was let go: the draft preview plays from there (the frame stays until the player got there). */
  function seek(ms) {
    scrubbing = false;
    ui.scrubTime.hidden = true;
    if (!draftUrl) return;
    const go = () => {
      ui.video.currentTime = ms / 1000;
      ui.video.addEventListener('seeked', () => { if (!frameBusy) hideFrame(); }, { once: true });
    };
    if (showing !== 'draft') {
      showDraft(false);
      ui.video.addEventListener('loadedmetadata', go, { once: true });
    } else if (ui.video.readyState >= 1) go();
    else ui.video.addEventListener('loadedmetadata', go, { once: true });
  }

  function hideFrame() {
    frameAbort?.abort();
    frameWanted = null;
    ui.frame.hidden = true;
  }

  function say(key, vars = {}, isError = false) {
    said = key ? [key, vars, isError] : null;
    ui.status.textContent = key ? t(key, vars) : '';
    ui.status.classList.toggle('error', isError);
    ui.status.dataset.state = key || '';
  }

  /** Writes the status line again in the current language. */
  function relabel() { if (said) say(...said); }

  return { update, showClip, relabel };
}
