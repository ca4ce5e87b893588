// Google ADK's own client, unchanged, against Cutroom (docs/adk.md). Run by tests/adk-node/run.sh, which
// installs @google/adk and @google/adk-devtools 2.0.0 beside this file in a temp folder and starts
// `cutroom serve --auth local`; CUTROOM_URL, CUTROOM_VIDEO and CUTROOM_EXPECTED_FRAMES come from it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AdkApiClient } from '@google/adk-devtools';
import { getFunctionCalls, getFunctionResponses, isFinalResponse } from '@google/adk';

const backendUrl = process.env.CUTROOM_URL;
const videoPath = process.env.CUTROOM_VIDEO;
const expectedFrames = Number(process.env.CUTROOM_EXPECTED_FRAMES);
const appName = 'nemo_agent';
const userId = 'user';
const ask = 'extract every 10th frame from my video as images';

test('ADK\'s AdkApiClient uploads a video inline, runs "every 10th frame" and gets the frames as artifacts', { timeout: 15 * 60_000 }, async () => {
  assert.ok(backendUrl && videoPath && expectedFrames > 0, 'run through tests/adk-node/run.sh');
  const client = new AdkApiClient({ backendUrl });

  assert.deepEqual(await client.listApps(), [appName]);
  const session = await client.createSession({ appName, userId });
  assert.match(session.id, /^ses_/);
  assert.equal(session.appName, appName);

  const video = await readFile(videoPath);
  const events = [];
  for await (const event of client.runAsync({
    appName, userId, sessionId: session.id,
    newMessage: { role: 'user', parts: [
      { inlineData: { mimeType: 'video/mp4', data: video.toString('base64'), displayName: basename(videoPath) } },
      { text: ask },
    ] },
  })) events.push(event);

  // ADK's own helpers read Cutroom's events.
  const calls = events.flatMap((e) => getFunctionCalls(e));
  assert.deepEqual(calls.map((c) => c.name), ['extract_frames']);
  assert.equal(calls[0].args.every_n, 10);
  const responses = events.flatMap((e) => getFunctionResponses(e));
  assert.equal(responses.length, 1);
  assert.equal(responses[0].response.ok, true);
  assert.equal(responses[0].response.count, expectedFrames);
  assert.ok(!events.some((e) => e.partial), 'streaming was not asked for: no partial events');
  const last = events.at(-1);
  assert.ok(isFinalResponse(last), 'the last event is a final response');
  assert.equal(last.errorCode, undefined);
  assert.match(last.content.parts[0].text, new RegExp(`^Extracted ${expectedFrames} frames`));

  // The frames are artifacts; each loads as inline JPEG data.
  const names = await client.listArtifacts({ appName, userId, sessionId: session.id });
  const frames = names.filter((n) => /\.jpg$/.test(n));
  assert.equal(frames.length, expectedFrames);
  const delta = Object.keys(events.find((e) => Object.keys(e.actions?.artifactDelta ?? {}).length > 0).actions.artifactDelta);
  assert.deepEqual([...delta].sort(), [...names].sort());
  assert.deepEqual(await client.listArtifactVersions({ appName, userId, sessionId: session.id, artifactName: frames[0] }), [0]);
  for (const name of [frames[0], frames.at(-1)]) {
    const part = await client.loadArtifact({ appName, userId, sessionId: session.id, artifactName: name, version: 0 });
    assert.equal(part.inlineData.mimeType, 'image/jpeg');
    const jpeg = Buffer.from(part.inlineData.data, 'base64');
    assert.ok(jpeg.length > 1000, `${name} is a real image`);
    assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff], `${name} is a JPEG`);
  }

  // The session keeps the turn as ADK events; the upload is in it.
  const stored = await client.getSession({ appName, userId, sessionId: session.id });
  assert.deepEqual(stored.events.map((e) => e.author), ['user', appName]);
  assert.equal(stored.events[0].content.parts[0].text, ask);
  assert.equal(Object.keys(stored.events[1].actions.artifactDelta).length, names.length);
  const listed = await client.listSessions({ appName, userId });
  assert.ok(listed.some((s) => s.id === session.id));
});

test('ADK\'s client shows Cutroom\'s refusals as their error text', async () => {
  const client = new AdkApiClient({ backendUrl });
  await assert.rejects(client.getSession({ appName, userId, sessionId: 'ses_nobody' }), /session not found/);
  const run = client.runAsync({ appName, userId, sessionId: 'ses_nobody', newMessage: 'hello' });
  await assert.rejects(run.next(), /session not found/);
});
