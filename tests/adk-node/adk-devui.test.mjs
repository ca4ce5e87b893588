// ADK's dev UI (npm @google/adk-devtools 2.0.0, dist/browser), served by Cutroom at /dev-ui/ with a
// runtime-config.json pointing at itself, driven by Playwright (playwright-core, no browser download) and
// Debian's Chromium: a video attached, "every 10th frame" sent, the turn shown, a frame artifact opened and
// checked by its pixels. Run by tests/adk-node/run.sh (CUTROOM_URL, CUTROOM_VIDEO, CUTROOM_EXPECTED_FRAMES).
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const backendUrl = process.env.CUTROOM_URL;
const videoPath = process.env.CUTROOM_VIDEO;
const expectedFrames = Number(process.env.CUTROOM_EXPECTED_FRAMES);
const chromiumPath = '/usr/bin/chromium';

/** Mean and spread of the RGB values of a PNG or JPEG (base64), decoded by the page's own image decoder. */
async function pixels(page, mime, base64) {
  return page.evaluate(async ({ mime, base64 }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
    const canvas = new OffscreenCanvas(64, 36);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0, 64, 36);
    const { data } = ctx.getImageData(0, 0, 64, 36);
    const mean = [0, 0, 0];
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) mean[c] += data[i + c] / n;
    let spread = 0;
    for (let i = 0; i < data.length; i += 4) spread += Math.abs(data[i] - mean[0]) / n;
    return { mean, spread, width: bitmap.width, height: bitmap.height };
  }, { mime, base64 });
}

test('ADK\'s dev UI served by Cutroom shows the turn and opens a frame artifact', { timeout: 15 * 60_000 }, async () => {
  assert.ok(backendUrl && videoPath && expectedFrames > 0, 'run through tests/adk-node/run.sh');
  assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: CUTROOM_TEST_SETUP=1 scripts/setup.sh installs Debian's chromium`);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(120_000);
    const failed = [];
    page.on('response', (r) => {
      // The API calls only: the dev UI also asks for its own /dev/… panels (graphs, evals, traces), which Cutroom does
      // not have (docs/adk.md), and for a stylesheet (prism-dark.css) that its npm package does not ship.
      const path = new URL(r.url()).pathname;
      if (r.status() >= 400 && !path.startsWith('/dev/') && !path.startsWith('/dev-ui/') && new URL(r.url()).origin === backendUrl) failed.push(`${r.status()} ${path}`);
    });
    await page.goto(`${backendUrl}/dev-ui/`);
    await page.getByText('nemo_agent').first().waitFor();

    await page.locator('input[type=file]').first().setInputFiles(videoPath);
    const input = page.locator('textarea').first();
    await input.fill('extract every 10th frame from my video as images');
    await input.press('Enter');
    await page.getByText(new RegExp(`Extracted ${expectedFrames} frames`)).first().waitFor({ timeout: 10 * 60_000 });
    await page.getByText('extract_frames').first().waitFor();

    await page.getByText('Artifacts', { exact: true }).click();
    const shown = page.locator('img[src^="data:image/jpeg"]').first();
    await shown.waitFor();
    const screenshot = join(tmpdir(), 'cutroom-adk-devui.png');
    await page.screenshot({ path: screenshot });
    console.log(`screenshot: ${screenshot}`);

    // The frame as the page shows it (a screenshot of the element) against the artifact itself.
    const src = await shown.getAttribute('src');
    const original = await pixels(page, 'image/jpeg', src.slice(src.indexOf(',') + 1));
    const onScreen = await pixels(page, 'image/png', (await shown.screenshot()).toString('base64'));
    assert.ok(original.width >= 320 && original.height >= 180, `a real frame: ${original.width}x${original.height}`);
    assert.ok(onScreen.spread > 10, `the shown frame is a picture, not a flat area (spread ${onScreen.spread})`);
    for (let c = 0; c < 3; c++)
      assert.ok(Math.abs(onScreen.mean[c] - original.mean[c]) < 12, `channel ${c}: shown ${onScreen.mean[c]} vs artifact ${original.mean[c]}`);
    assert.deepEqual(failed, [], 'every API request of the dev UI succeeded');
  } finally {
    await browser.close();
  }
});
