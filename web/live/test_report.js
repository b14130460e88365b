// Test hook of the browser tests (tests/web/): with ?report=PATH in the page's
// URL, reports to PATH (POST, JSON) what the tests check, and takes the next
// command from each answer, so the test drives the page by polling:
//   page -> {"event": "ready", "state": <twin_web_state()>}       (first frame drawn)
//   page -> {"event": "state", "state": ...}                        answer {"next": "state"}
//   page -> {"event": "screenshot", "png": "data:image/png;...",   answer {"next": "screenshot"}
//            "width": W, "height": H}
//   page -> {"event": "waited"}                                     answer {"next": "wait", "ms": N}
//   answer {"next": "done"} ends the loop.
// Errors (window.onerror, unhandled rejections, console.error) are posted as
// {"event": "error", "message": ...} whenever they happen; their answers are
// ignored. Without ?report it does nothing at all.
(function () {
  'use strict';
  var reportPath = new URLSearchParams(location.search).get('report');
  if (!reportPath || reportPath.charAt(0) !== '/') return;  // same origin only

  function post(report) {
    return fetch(reportPath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(report)
    }).then(function (response) { return response.json(); });
  }

  function postError(kind, message) {
    post({ event: 'error', kind: kind, message: String(message).slice(0, 2000) }).catch(function () {});
  }
  window.addEventListener('error', function (e) {
    postError('onerror', (e.message || e) + (e.filename ? ' at ' + e.filename + ':' + e.lineno : ''));
  });
  window.addEventListener('unhandledrejection', function (e) {
    postError('unhandledrejection', e.reason && (e.reason.stack || e.reason.message) || e.reason);
  });
  var consoleError = console.error;
  console.error = function () {
    try { postError('console.error', Array.prototype.slice.call(arguments).join(' ')); } catch (e) { /* never mind */ }
    return consoleError.apply(console, arguments);
  };

  // WebGL clears its drawing buffer once the frame is composited, and the
  // app draws nothing while nothing moves: keep the buffer, so the canvas
  // read back is the last frame drawn. Tests only (?report).
  var getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, attributes) {
    if (type === 'webgl2' || type === 'webgl' || type === 'experimental-webgl') {
      attributes = Object.assign({}, attributes || {}, { preserveDrawingBuffer: true });
    }
    return getContext.call(this, type, attributes);
  };

  // ?size=WxH fixes the canvas's CSS size; Emscripten's canvas resizing
  // removes inline sizes, so the tests hold it with a rule of their own.
  var size = /^(\d{2,4})x(\d{2,4})$/.exec(new URLSearchParams(location.search).get('size') || '');
  if (size) {
    var rule = document.createElement('style');
    rule.textContent = '#canvas, canvas { width: ' + size[1] + 'px !important; height: ' + size[2] + 'px !important; }';
    document.head.appendChild(rule);
  }

  function state() {
    return JSON.parse(Module.ccall('twin_web_state', 'string', [], []));
  }

  function canvas() {
    return (window.Module && Module.canvas) || document.querySelector('canvas');
  }

  // Read after the next frame's callbacks, when one has been drawn.
  function screenshot() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () {
        var c = canvas();
        resolve({ event: 'screenshot', png: c.toDataURL('image/png'), width: c.width, height: c.height });
      });
    });
  }

  function run(command) {
    if (!command || command.next === 'done') return Promise.resolve();
    var report;
    switch (command.next) {
      case 'state': report = Promise.resolve({ event: 'state', state: state() }); break;
      case 'screenshot': report = screenshot(); break;
      case 'wait':
        report = new Promise(function (resolve) {
          setTimeout(function () { resolve({ event: 'waited' }); }, Math.max(0, Number(command.ms) || 0));
        });
        break;
      default: report = Promise.resolve({ event: 'unknown-command', command: command });
    }
    return report.then(post).then(run);
  }

  function start() {
    Promise.resolve()
      .then(function () { return post({ event: 'ready', state: state() }); })
      .then(run)
      .catch(function (e) { postError('test_report', e && (e.stack || e.message) || e); });
  }

  if (window.twinTourReady) setTimeout(start, 0);
  else window.addEventListener('twintour-ready', function once() {
    window.removeEventListener('twintour-ready', once);
    start();
  });
})();
