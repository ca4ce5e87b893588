// The chat panel: a message box (Enter sends, Shift+Enter adds a line), the conversation
// (aria-live log) with the agent's text streamed in as events arrive, tool calls as chips,
// partial progress lines as a progress bar, and a "still working" line while only heartbeats come.

import { h } from './dom.js';
import { t } from './i18n.js';
import { describeError } from './api.js';
import { runTurn } from './sse.js';

const URL_RE = /(https?:\/\/[^\s"'<>]+)/g;

/** Text with http(s) links made clickable (as nodes: nothing is parsed as HTML). */
function linkify(text) {
  return text.split(URL_RE).map((part, i) => (i % 2 ? h('a', { href: part, target: '_blank', rel: 'noopener' }, part) : part));
}

/**
 * Wires the chat. ui: {form, input, send, log, busy, progress, progressText};
 * hooks: {onTurnEnd(): Promise, readSummary(): Promise<string>, onError(e)}.
 */
export function setupChat(api, ui, hooks) {
  let running = false;

  ui.input.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      ui.form.requestSubmit();
    }
  });
  ui.form.addEventListener('submit', e => {
    e.preventDefault();
    const text = ui.input.value.trim();
    if (!text || running) return;
    ui.input.value = '';
    turn(text);
  });

  function setBusy(on, still = false) {
    running = on;
    ui.send.disabled = on;
    ui.busy.hidden = !on;
    ui.busy.textContent = still ? t('stillWorking') : t('working');
    if (!on) ui.progress.hidden = true;
  }

  async function turn(text) {
    ui.log.append(h('li', { class: 'msg user' }, h('span', { class: 'who' }, t('you')), h('p', { class: 'text' }, text)));
    const body = h('div', { class: 'text' });
    const chips = h('ul', { class: 'chips', 'aria-label': t('tools') });
    const reply = h('li', { class: 'msg agent', 'aria-busy': 'true' }, h('span', { class: 'who' }, t('assistant')), chips, body);
    ui.log.append(reply);
    scroll();
    setBusy(true);
    const calls = new Map();
    let gotText = false;

    const onEvent = evt => {
      setBusy(true);
      for (const part of evt.content?.parts || []) {
        if (part.text != null && evt.partial) progress(part.text);
        else if (part.text != null) { gotText = true; body.append(h('p', {}, linkify(part.text))); }
        else if (part.functionCall) {
          const chip = h('li', { class: 'chip running', title: JSON.stringify(part.functionCall.args || {}) },
            part.functionCall.name, h('span', { class: 'chip-state' }, ` · ${t('toolRunning')}`));
          calls.set(part.functionCall.id, chip);
          chips.append(chip);
        } else if (part.functionResponse) {
          const r = part.functionResponse.response || {};
          const failed = r.ok === false;
          const chip = calls.get(part.functionResponse.id) || chips.appendChild(h('li', { class: 'chip' }, part.functionResponse.name, h('span', { class: 'chip-state' })));
          chip.className = `chip ${failed ? 'failed' : 'done'}`;
          chip.querySelector('.chip-state').textContent = ` · ${failed ? t('toolFailed') : t('toolDone')}`;
          if (r.message) chip.title = r.message;
          ui.progress.hidden = true;
        }
      }
      if (evt.errorCode) {
        gotText = true;
        const d = describeError({ code: Number(evt.errorCode), message: evt.errorMessage });
        body.append(h('p', { class: 'error', role: 'alert' }, d.text, evt.errorMessage ? h('br') : null, evt.errorMessage ? linkify(evt.errorMessage) : null));
      }
      scroll();
    };

    try {
      const { complete } = await runTurn(api, text, { onEvent, onHeartbeat: () => setBusy(true, true) });
      if (!complete) body.append(h('p', { class: 'note' }, t('streamCut')));
      if (!gotText) body.append(h('p', { class: 'note' }, t('noText', { summary: await hooks.readSummary().catch(() => '') })));
    } catch (e) {
      const d = describeError(e);
      body.append(h('p', { class: 'error', role: 'alert' }, d.text, d.link ? [' ', h('a', { href: d.link.href, target: '_blank', rel: 'noopener' }, d.link.text)] : null));
      hooks.onError?.(e);
    } finally {
      reply.removeAttribute('aria-busy');
      setBusy(false);
      scroll();
      await hooks.onTurnEnd().catch(err => hooks.onError?.(err));
    }
  }

  function progress(text) {
    const m = /(\d+(?:\.\d+)?)\s*%/.exec(text);
    ui.progress.hidden = false;
    ui.progressText.textContent = text;
    if (m) ui.progressBar.value = Number(m[1]);
    else ui.progressBar.removeAttribute('value');
  }

  function scroll() { ui.log.scrollTop = ui.log.scrollHeight; }

  /** Shows the session's earlier messages (state.messages) when the page opens an existing session. */
  function restore(messages) {
    if (running || ui.log.querySelector('.msg.user, .msg.agent') || !Array.isArray(messages)) return;
    for (const m of messages) {
      if (m.role === 'user') ui.log.append(h('li', { class: 'msg user' }, h('span', { class: 'who' }, t('you')), h('p', { class: 'text' }, m.text)));
      else if (m.text) ui.log.append(h('li', { class: 'msg agent' }, h('span', { class: 'who' }, t('assistant')), h('div', { class: 'text' }, h('p', {}, linkify(m.text)))));
    }
    scroll();
  }

  return { isRunning: () => running, restore };
}
