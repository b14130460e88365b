// Opens a page of the web build in Debian's chromium, headless, waits until
// the visit reports ready (window.twinTourReady), lets it run a moment, and
// writes a screenshot and twin_web_state(). For looking at the web version
// by hand (docs/web.md); the CTest tests have their own harness (tests/web/).
//   node --experimental-websocket web/shot.mjs URL OUT.png [--size WxH] [--wait SECONDS] [--scale DPR] [--touch]
//        [--drag X0,Y0,X1,Y1] (one finger, CSS pixels) [--pinch X,Y,FROM,TO] (two fingers FROM to TO apart)
//        [--hash H] (location.hash set to H once ready: a deep link followed while the visit runs)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const [url, out] = args;
const [width, height] = option('--size', '1280x720').split('x').map(Number);
const wait = Number(option('--wait', '2'));
const scale = Number(option('--scale', '1'));
const touch = args.includes('--touch');
const profile = mkdtempSync(join(tmpdir(), 'twin-shot-'));
const browser = spawn('chromium', ['--headless=new', '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--remote-debugging-port=0', `--user-data-dir=${profile}`, `--window-size=${width},${height}`, '--hide-scrollbars',
  'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
browser.stderr.on('data', () => {});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let port = null;
for (let i = 0; i < 200 && !port; ++i) {
  const file = join(profile, 'DevToolsActivePort');
  if (existsSync(file)) port = readFileSync(file, 'utf8').split('\n')[0];
  else await sleep(100);
}
const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
const page = targets.find((t) => t.type === 'page');
const socket = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((r) => socket.addEventListener('open', r));
let id = 0;
const pending = new Map();
const logs = [];
socket.addEventListener('message', (event) => {
  const message = JSON.parse(event.data);
  if (message.id && pending.has(message.id)) {
    pending.get(message.id)(message);
    pending.delete(message.id);
  } else if (message.method === 'Runtime.consoleAPICalled') {
    logs.push(message.params.args.map((a) => a.value).join(' '));
  }
});
const send = (method, params = {}) => new Promise((resolve) => {
  pending.set(++id, resolve);
  socket.send(JSON.stringify({ id, method, params }));
});
const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, returnByValue: true })).result?.result?.value;
await send('Runtime.enable');
await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: scale, mobile: touch });
if (touch) await send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
const started = Date.now();
await send('Page.navigate', { url });
let ready = false;
for (let i = 0; i < 1200 && !ready; ++i) {
  ready = await evaluate('window.twinTourReady === true');
  if (!ready && await evaluate('!!window.twinTourError')) break;
  if (!ready) await sleep(100);
}
const readyAfter = Date.now() - started;
// Touch gestures, as a phone's fingers: a few moves a gesture.
const finger = async (type, points) => send('Input.dispatchTouchEvent', { type,
  touchPoints: points.map(([x, y], i) => ({ x, y, id: i, radiusX: 4, radiusY: 4, force: 1 })) });
const drag = option('--drag', null);
if (ready && drag) {
  const [x0, y0, x1, y1] = drag.split(',').map(Number);
  await finger('touchStart', [[x0, y0]]);
  for (let i = 1; i <= 8; ++i) { await finger('touchMove', [[x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * i / 8]]); await sleep(60); }
  await finger('touchEnd', []);
}
const newHash = option('--hash', null);
if (ready && newHash) await evaluate(`location.hash = ${JSON.stringify(newHash)}`);
const pinch = option('--pinch', null);
if (ready && pinch) {
  const [x, y, from, to] = pinch.split(',').map(Number);
  const at = (d) => [[x - d / 2, y], [x + d / 2, y]];
  await finger('touchStart', at(from));
  for (let i = 1; i <= 8; ++i) { await finger('touchMove', at(from + (to - from) * i / 8)); await sleep(60); }
  await finger('touchEnd', []);
}
await sleep(wait * 1000);
const shot = await send('Page.captureScreenshot', { format: 'png' });
writeFileSync(out, Buffer.from(shot.result.data, 'base64'));
const state = await evaluate("window.twinTourModule ? window.twinTourModule.ccall('twin_web_state', 'string', [], []) : null");
const error = await evaluate('window.twinTourError || null');
console.log(JSON.stringify({ ready, readyAfterMs: readyAfter, error, state: state ? JSON.parse(state) : null,
  console: logs.slice(-15) }, (k, v) => (k === 'live' && v ? { source: v.source, clock: v.clock, connection: v.connection } : v), 1));
socket.close();
browser.kill();
await sleep(200);
rmSync(profile, { recursive: true, force: true });
process.exit(0);
