// The page around the WebAssembly program (docs/web.md): checks for WebGL 2,
// fetches the program and its content with a progress bar, puts the content
// into the program's file system and starts it. The program reads the
// location's hash (deep links) and query (?broker=, ?still) itself.
//   ?size=WxH   the canvas at that size in CSS pixels (tests), else the window's
'use strict';
(function () {
  const params = new URLSearchParams(window.location.search);
  const english = /(^|[#&])lang=en(&|$)/.test(window.location.hash);
  const $ = (selector) => document.querySelector(selector);
  const loading = $('#loading');
  const bar = $('#loading .bar');
  const stageText = $('#loading .stage');
  const messageBox = $('#message');

  const page = {
    // A message over the canvas ('' hides it); the program's deep-link and load problems.
    message(text) {
      messageBox.querySelector('span').textContent = text;
      messageBox.style.display = text ? 'block' : 'none';
    },
    stage(text) { stageText.textContent = text; },
    progress(fraction) {
      const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
      bar.firstElementChild.style.width = percent + '%';
      bar.setAttribute('aria-valuenow', String(percent));
    },
    ready() { loading.style.display = 'none'; },
    fail(text) {
      page.stage('');
      bar.style.display = 'none';
      const p = document.createElement('p');
      p.textContent = text;
      p.style.maxWidth = '560px';
      loading.appendChild(p);
    },
  };
  window.twinTourPage = page;
  messageBox.querySelector('button').addEventListener('click', () => page.message(''));

  // ?size=WxH: a fixed canvas (tests compare images of a known size).
  const size = /^(\d{2,4})x(\d{2,4})$/.exec(params.get('size') || '');
  const canvas = $('#canvas');
  if (size) {
    document.body.classList.add('fixed-size');
    canvas.style.setProperty('width', size[1] + 'px');
    canvas.style.setProperty('height', size[2] + 'px');
  }

  // WebGL 2 first: without it, say so plainly and fetch nothing.
  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    page.fail(english
      ? 'This browser or device has no WebGL 2, which the 3D visit of Twin needs. ' +
        'Try an up-to-date Firefox, Chrome, Edge or Safari, with hardware acceleration on.'
      : 'Ce navigateur ou cet appareil n\u2019offre pas WebGL 2, dont la visite 3D de Twin a besoin. ' +
        'Essayez un Firefox, Chrome, Edge ou Safari à jour, avec l\u2019accélération matérielle activée.');
    window.twinTourError = 'no-webgl2';
    return;
  }
  const lose = probe.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();

  // Fetches with progress: every byte counts towards one bar.
  let total = 1;
  let received = 0;
  async function fetchBytes(url, expected) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    if (!response.body) {
      const buffer = new Uint8Array(await response.arrayBuffer());
      received += buffer.length;
      page.progress(received / total);
      return buffer;
    }
    const reader = response.body.getReader();
    const chunks = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
      received += value.length;
      page.progress(received / total);
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) { bytes.set(chunk, at); at += chunk.length; }
    if (expected !== undefined && length !== expected) throw new Error(url + ': ' + length + ' bytes, expected ' + expected);
    return bytes;
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(src + ': could not be loaded'));
      document.body.appendChild(script);
    });
  }

  async function start() {
    page.stage(english ? 'Loading the visit…' : 'Chargement de la visite…');
    const manifest = JSON.parse(new TextDecoder().decode(await fetchBytes('data/manifest.json')));
    total = manifest.wasmBytes + manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    received = 0;
    const [wasm, ...contents] = await Promise.all([
      fetchBytes('twin-tour.wasm', manifest.wasmBytes),
      ...manifest.files.map((f) => fetchBytes('data/' + f.path, f.bytes)),
    ]);
    page.stage(english ? 'Starting…' : 'Démarrage…');
    await new Promise((resolve, reject) => {
      window.Module = {
        canvas,
        wasmBinary: wasm,
        print: (text) => console.log(text),
        printErr: (text) => console.warn(text),
        preRun: [() => {
          const FS = window.Module.FS;
          manifest.files.forEach((f, i) => {
            const folder = f.to.substring(0, f.to.lastIndexOf('/'));
            FS.mkdirTree(folder);
            FS.writeFile(f.to, contents[i]);
          });
        }],
        onRuntimeInitialized: resolve,
        onAbort: (what) => reject(new Error(String(what))),
      };
      loadScript('twin-tour.js').catch(reject);
    });
    window.twinTourModule = window.Module;
    // The page's other parts (live data over MQTT, test hooks) once the program's exports exist.
    for (const script of manifest.scripts || []) await loadScript(script);
    window.Module.callMain([]);
    // ?state: twin_web_state() mirrored into the page twice a second, for
    // `chromium --dump-dom` (scripts and checks without a DevTools client).
    if (params.has('state')) {
      const mirror = document.createElement('pre');
      mirror.id = 'twin-state';
      mirror.hidden = true;
      document.body.appendChild(mirror);
      setInterval(() => { mirror.textContent = window.Module.ccall('twin_web_state', 'string', [], []); }, 500);
    }
  }

  start().catch((error) => {
    console.error(error);
    window.twinTourError = String(error && error.message || error);
    page.fail((english ? 'The visit could not be loaded: ' : 'La visite n\u2019a pas pu être chargée : ') + window.twinTourError);
  });
})();
