namespace Cutroom.Server.Tests.Studio;

/// <summary>Checks run inside the page (JavaScript), each answering a list of offenders.</summary>
internal static class StudioChecks
{
    /// <summary>Visible controls (buttons, links, form fields, players) without an accessible name.</summary>
    public const string UnlabelledControls = """
        () => [...document.querySelectorAll('button, a[href], select, textarea, input, video[controls], audio[controls]')]
          .filter(e => e.getClientRects().length > 0 || e.type === 'file')
          .filter(e => {
            const byIds = (e.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean).map(id => document.getElementById(id)?.textContent || '').join('');
            const labels = [...(e.labels || [])].map(l => l.textContent).join('');
            return !((e.getAttribute('aria-label') || '') + byIds + labels + (e.tagName === 'SELECT' || e.tagName === 'TEXTAREA' ? '' : e.textContent)).trim();
          })
          .map(e => e.outerHTML.slice(0, 80))
        """;

    /// <summary>Visible text whose colour has less than 4.5:1 contrast with the background behind it (WCAG 2 relative luminance).</summary>
    public const string LowContrastText = """
        () => {
          const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
          const background = e => {
            for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] > 0) return c.slice(0, 3); }
            return [255, 255, 255];
          };
          const bad = [];
          for (const e of document.querySelectorAll('body *')) {
            if (!e.getClientRects().length || ['SCRIPT', 'STYLE', 'OPTION'].includes(e.tagName)) continue;
            if (e.closest('.sr-only')) continue;
            const own = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
            if (!own) continue;
            const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) bad.push(`${e.tagName}.${e.className} "${own.slice(0, 30)}" ${ratio.toFixed(2)}`);
          }
          return bad;
        }
        """;

    /// <summary>
    /// Records in <c>window.__seen</c> what the chat showed during turns: <c>still</c> (the "still
    /// working" line), <c>progress</c> (the operation progress bar), <c>chip</c> (a tool chip).
    /// </summary>
    public const string RecordTurnIndicators = """
        () => {
          window.__seen = [];
          const mark = k => { if (!window.__seen.includes(k)) window.__seen.push(k); };
          new MutationObserver(() => {
            if (!document.getElementById('busy').hidden && /Still|仍在/.test(document.getElementById('busy').textContent)) mark('still');
            if (!document.getElementById('turn-progress').hidden) mark('progress');
            if (document.querySelector('#chat-log .chip')) mark('chip');
          }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        """;

    /// <summary>Drops one file ([base64 bytes, name, type]) on the drop zone as a browser's drag and drop would.</summary>
    public const string DropFile = """
        ([b64, name, type]) => {
          const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], name, { type }));
          const zone = document.getElementById('dropzone');
          for (const kind of ['dragenter', 'dragover', 'drop'])
            zone.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: dt }));
        }
        """;

    /// <summary>Records in <c>window.__progress[barId]</c> the values of a progress bar ([containerId, barId]) while its container is shown.</summary>
    public const string RecordProgress = """
        ([containerId, barId]) => {
          window.__progress = window.__progress || {};
          const values = window.__progress[barId] = [];
          const box = document.getElementById(containerId), bar = document.getElementById(barId);
          new MutationObserver(() => { if (!box.hidden) values.push(Number(bar.value)); })
            .observe(box, { subtree: true, attributes: true });
        }
        """;
}
