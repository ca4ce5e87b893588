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
}
