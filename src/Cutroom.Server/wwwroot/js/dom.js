// A tiny element builder: h('li', {class: 'x', onclick: fn}, child, 'text', ...).
// Strings become text nodes (never HTML), so user text and file names cannot inject markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces every child of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/**
 * Cutroom's signed URL with &download=1 (Content-Disposition: attachment). A presigned URL of an
 * S3 store (another origin, docs/storage.md) is left as it is: a parameter added to it would break its signature.
 */
export function downloadUrl(url) {
  if (new URL(url, location.href).origin !== location.origin) return url;
  return url + (url.includes('?') ? '&' : '?') + 'download=1';
}

/** A small inline SVG icon by name (note, file, video). */
export function icon(name) {
  const paths = {
    note: 'M9 18V5l12-2v13M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0zm12-2a3 3 0 1 1-6 0 3 3 0 0 1 6 0z',
    file: 'M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zM14 2v6h6',
    video: 'M23 7l-7 5 7 5V7zM1 5h15v14H1z',
  };
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  p.setAttribute('d', paths[name] || paths.file);
  svg.append(p);
  return svg;
}
