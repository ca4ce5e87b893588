// POST /run_sse (contract §6b) read with fetch() and a stream reader: each `data: <json>` line
// (until a blank line) is one ADK event; a `: heartbeat` comment means the turn is still running.
// Errors before the stream starts are ordinary envelopes and throw ApiError (a 1001 renews the
// token once, a 1002 makes a new session once, through Api).

import { readEnvelope, ATTRIBUTION } from './api.js';

/**
 * Sends one chat message and calls handlers.onEvent(event) for every event and
 * handlers.onHeartbeat() for every heartbeat. Resolves with {complete} when the stream ends:
 * complete is false when it ended before an event with turnComplete.
 */
export function runTurn(api, text, handlers) {
  return api.inSession(async sid => {
    const body = JSON.stringify({
      app_name: 'nemo_agent', user_id: 'me', session_id: sid,
      new_message: { role: 'user', parts: [{ text }] }, streaming: true,
    });
    const send = () => fetch(`${api.base}/run_sse`, {
      method: 'POST',
      // The attribution headers on every request, as the seeds say: a chat "export" without them is refused (402).
      headers: api.auth({ 'Content-Type': 'application/json', Accept: 'text/event-stream', ...ATTRIBUTION }),
      body,
    });
    let res = await send();
    if (!isStream(res)) {
      try {
        await readEnvelope(res);
      } catch (e) {
        if (e.code !== 1001) throw e;
        await api.renewToken();
        res = await send();
        if (!isStream(res)) await readEnvelope(res);
      }
    }
    return readStream(res.body, handlers);
  });
}

function isStream(res) {
  return res.ok && (res.headers.get('Content-Type') || '').startsWith('text/event-stream');
}

async function readStream(body, { onEvent, onHeartbeat }) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data = [];
  let complete = false;
  const line = raw => {
    const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (l === '') {
      if (data.length) {
        const json = data.join('\n');
        data = [];
        let evt = null;
        try { evt = JSON.parse(json); } catch { /* a broken event is skipped */ }
        if (evt) {
          if (evt.turnComplete || evt.errorCode) complete = true;
          onEvent?.(evt);
        }
      }
    } else if (l.startsWith(':')) {
      onHeartbeat?.(l.slice(1).trim());
    } else if (l.startsWith('data:')) {
      data.push(l.slice(5).replace(/^ /, ''));
    }
  };
  for (;;) {
    let chunk;
    try { chunk = await reader.read(); } catch { break; }
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      line(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
    }
  }
  buffer += decoder.decode();
  if (buffer) line(buffer);
  line('');
  return { complete };
}
