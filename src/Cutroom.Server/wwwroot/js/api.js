// The Studio's client of the Cutroom HTTP API (docs: api-contract.md). Every answer is the
// envelope {code, message, data}; code 0 gives data, anything else throws ApiError. The token
// lives in localStorage under a key made from a generated client id; a 1001 renews it once, a
// 1002 makes a new session once, a 429 waits Retry-After once.

import { t } from './i18n.js';

export const STUDIO_VERSION = '0.1.0';
/** Attribution headers sent with the work this page starts (export requires them). */
export const ATTRIBUTION = { 'X-Skill-Source': 'cutroom-studio', 'X-Skill-Version': STUDIO_VERSION, 'X-Skill-Platform': 'web' };

const CLIENT_KEY = 'cutroom.client_id';

/** An error answer of the API (or a network failure: code 0, status 0). */
export class ApiError extends Error {
  constructor(code, message, data = null, status = 0, retryAfter = 0) {
    super(message);
    this.code = code;
    this.data = data;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function newUuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Reads an envelope from a fetch Response; throws ApiError for code != 0. */
export async function readEnvelope(res) {
  let env = null;
  try { env = await res.json(); } catch { /* not JSON */ }
  if (!env || typeof env.code !== 'number') throw new ApiError(5000, `HTTP ${res.status}`, null, res.status);
  if (env.code === 0) return env.data;
  throw new ApiError(env.code, env.message, env.data, res.status, Number(res.headers.get('Retry-After')) || 0);
}

export class Api {
  constructor(base = '') {
    this.base = base;
    this.sessionId = null;
    this.language = 'en';
    /** Called with (oldId, newId) when a 1002 forced a new session. */
    this.onSessionReset = null;
  }

  get clientId() {
    let id = localStorage.getItem(CLIENT_KEY);
    if (!id) { id = newUuid(); localStorage.setItem(CLIENT_KEY, id); }
    return id;
  }

  get token() { return localStorage.getItem(`cutroom.token.${this.clientId}`); }
  get #sessionKey() { return `cutroom.session.${this.clientId}`; }

  /** Gets an anonymous token for the client id. A 429 without a usable token means the id is spent: a new id is made once. */
  async renewToken(fresh = true) {
    const res = await fetch(`${this.base}/api/auth/anonymous-token`, { method: 'POST', headers: { 'X-Client-Id': this.clientId } });
    try {
      const data = await readEnvelope(res);
      localStorage.setItem(`cutroom.token.${this.clientId}`, data.token);
      return data;
    } catch (e) {
      if ((e.code === 429 || e.code === 400) && fresh) {
        localStorage.removeItem(`cutroom.token.${this.clientId}`);
        localStorage.setItem(CLIENT_KEY, newUuid());
        return this.renewToken(false);
      }
      throw e;
    }
  }

  /** A token and a session: the stored ones when they still work, else new ones. */
  async start(language) {
    this.language = language;
    if (!this.token) await this.renewToken();
    const saved = localStorage.getItem(this.#sessionKey);
    if (saved) {
      this.sessionId = saved;
      try { await this.state(); return; } catch (e) { if (e.code !== 1002) throw e; }
    }
    await this.newSession();
  }

  async newSession() {
    const data = await this.request('POST', '/api/tasks/me/with-session/nemo_agent', { body: { task_name: 'project', language: this.language } });
    this.sessionId = data.session_id;
    localStorage.setItem(this.#sessionKey, data.session_id);
    return data;
  }

  /** Headers of an authenticated request. */
  auth(extra = {}) { return { Authorization: `Bearer ${this.token}`, ...extra }; }

  /** One API call with the retries of the contract's client actions (1001, 429). */
  async request(method, path, { body, headers = {}, retried = false } = {}) {
    let res;
    try {
      res = await fetch(this.base + path, {
        method,
        headers: this.auth(body === undefined ? headers : { 'Content-Type': 'application/json', ...headers }),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, t('err_net'));
    }
    try {
      return await readEnvelope(res);
    } catch (e) {
      if (retried) throw e;
      if (e.code === 1001) { await this.renewToken(); return this.request(method, path, { body, headers, retried: true }); }
      if (e.code === 429 && e.retryAfter <= 10) { await sleep(e.retryAfter * 1000); return this.request(method, path, { body, headers, retried: true }); }
      throw e;
    }
  }

  /** Runs fn(sessionId); on 1002 makes a new session and runs it once more. */
  async inSession(fn) {
    try {
      return await fn(this.sessionId);
    } catch (e) {
      if (e.code !== 1002) throw e;
      const old = this.sessionId;
      await this.newSession();
      this.onSessionReset?.(old, this.sessionId);
      return fn(this.sessionId);
    }
  }

  state() { return this.inSession(sid => this.request('GET', `/api/state/nemo_agent/me/${encodeURIComponent(sid)}/latest`)); }
  credits() { return this.request('GET', '/api/credits/balance/simple'); }

  /** Starts an export of draft; returns {id, status}. */
  startRender(id, draft, quality) {
    return this.inSession(sid => this.request('POST', '/api/render/proxy/lambda',
      { body: { id, sessionId: sid, draft, output: { format: 'mp4', quality } }, headers: ATTRIBUTION }));
  }

  render(id) { return this.request('GET', `/api/render/proxy/lambda/${encodeURIComponent(id)}`); }

  /**
   * The live preview of the current draft (Cutroom's addition): {blob, hash, version}. The server
   * answers when the preview of the draft it holds now is rendered (it waits for the render).
   */
  preview() { return this.inSession(sid => this.#binary(`/api/preview/nemo_agent/me/${encodeURIComponent(sid)}`)); }

  /** The current draft as an NLE timeline (otio, fcpxml or edl; Cutroom's addition): {blob}. */
  timeline(format) { return this.inSession(sid => this.#binary(`/v1/sessions/${encodeURIComponent(sid)}/timeline.${format}`)); }

  /** A JPEG of the current draft at ms: {blob, hash, version, frame}. signal aborts it (a newer frame is wanted). */
  frame(ms, signal) {
    return this.inSession(sid => this.#binary(`/api/preview/nemo_agent/me/${encodeURIComponent(sid)}/frame?at=${Math.max(0, Math.round(ms))}`, signal));
  }

  /** GET of a binary answer with the token; errors are envelopes (1001 renews the token once). */
  async #binary(path, signal, retried = false) {
    let res;
    try {
      res = await fetch(this.base + path, { headers: this.auth(), signal });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, t('err_net'));
    }
    if (res.ok) {
      const head = name => res.headers.get(name);
      return { blob: await res.blob(), hash: head('X-Cutroom-Draft'), version: Number(head('X-Cutroom-Version')), frame: Number(head('X-Cutroom-Frame')) };
    }
    try {
      return await readEnvelope(res);
    } catch (e) {
      if (e.code === 1001 && !retried) { await this.renewToken(); return this.#binary(path, signal, true); }
      throw e;
    }
  }

  /** Uploads files (multipart field `files`) with XMLHttpRequest for progress: onProgress(fraction 0..1). */
  upload(files, onProgress) {
    return this.inSession(sid => this.#uploadOnce(sid, files, onProgress).catch(async e => {
      if (e.code !== 1001) throw e;
      await this.renewToken();
      return this.#uploadOnce(sid, files, onProgress);
    }));
  }

  #uploadOnce(sid, files, onProgress) {
    return new Promise((resolve, reject) => {
      const form = new FormData();
      for (const f of files) form.append('files', f, f.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${this.base}/api/upload-video/nemo_agent/me/${encodeURIComponent(sid)}`);
      xhr.setRequestHeader('Authorization', `Bearer ${this.token}`);
      for (const [k, v] of Object.entries(ATTRIBUTION)) xhr.setRequestHeader(k, v);
      xhr.responseType = 'json';
      xhr.upload.onprogress = ev => { if (ev.lengthComputable) onProgress?.(ev.loaded / ev.total); };
      xhr.onerror = () => reject(new ApiError(0, t('err_net')));
      xhr.onload = () => {
        const env = xhr.response;
        if (!env || typeof env.code !== 'number') reject(new ApiError(5000, `HTTP ${xhr.status}`, null, xhr.status));
        else if (env.code === 0) resolve(env.data);
        else reject(new ApiError(env.code, env.message, env.data, xhr.status, Number(xhr.getResponseHeader('Retry-After')) || 0));
      };
      xhr.send(form);
    });
  }
}

/** Formats a byte count: 12 KB, 3.4 MB. */
export function formatBytes(n) {
  if (n == null) return '';
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/** Formats milliseconds as m:ss (or h:mm:ss); with tenths, m:ss.s (frame times). */
export function formatMs(ms, tenths = false) {
  if (ms == null) return '';
  if (tenths) {
    const m = Math.floor(ms / 60000), sec = (ms % 60000) / 1000;
    return `${m}:${sec.toFixed(1).padStart(4, '0')}`;
  }
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? h + ':' : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/**
 * The user-facing text of an error with the contract's action (section 2), and an optional link
 * ({href, text}) for 2001's registration page.
 */
export function describeError(e) {
  const d = e?.data || {};
  switch (e?.code) {
    case 0: return { text: e.message || t('err_net') };
    case 400: return { text: t('err_400') };
    case 402: return { text: t('err_402') };
    case 429: return { text: t('err_429', { seconds: e.retryAfter || 1 }) };
    case 1001: return { text: t('err_1001') };
    case 1002: return { text: t('err_1002') };
    case 2001: return { text: t('err_2001'), link: d.bind_url ? { href: d.bind_url, text: t('err_2001_link') } : null };
    case 4000: return { text: t('err_4000', { details: (d.errors || []).map(x => `${x.path}: ${x.message}`).join('; ') || e.message }) };
    case 4001: return { text: t('err_4001', { accepted: (d.accepted || []).join(', ') }), detail: refusedList(d) };
    case 4002: return { text: t('err_4002', { limit: formatBytes(d.limit_bytes) || '500 MB' }), detail: refusedList(d) };
    case 4004: return { text: t('err_4004') };
    case 4009: return { text: t('err_4009') };
    case 5000: return { text: t('err_5000', { id: d.request_id || '?' }) };
    default: return { text: e?.message || String(e) };
  }
}

function refusedList(d) {
  const r = d.rejected || [];
  return r.length ? t('refused', { list: r.map(x => `${x.name} (${x.reason})`).join('; ') }) : '';
}
