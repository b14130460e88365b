// Twin Tour in the browser: live data over MQTT WebSockets (docs/web-live.md).
// With ?broker=ws://HOST:PORT (or wss://) in the page's URL, once the visit is
// ready, this connects with the npm `mqtt` package's browser bundle
// (live/mqtt/mqtt.min.js, loaded only then), subscribes to the topic filters the
// WebAssembly gives (twin_web_live_topics) and hands every message to it
// (twin_web_live_message), where it goes through the native payload
// validation and staleness. Without ?broker it does nothing: the replay week
// plays. It never throws into the page.
(function () {
  'use strict';
  // As the native client (MqttSettings::maxPayloadBytes, WebFeedLimits).
  var MAX_PAYLOAD_BYTES = 16 * 1024;
  var FIRST_RETRY_MS = 1000;
  var LONGEST_RETRY_MS = 30000;
  var bundleUrl = new URL('mqtt/mqtt.min.js', (document.currentScript && document.currentScript.src) || location.href).href;

  function log(level, text) {
    try { console[level]('twin-tour live: ' + text); } catch (e) { /* no console */ }
  }

  function brokerUrl() {
    var url = new URLSearchParams(location.search).get('broker');
    if (!url) return null;
    if (!/^wss?:\/\/[^\/]/.test(url)) {
      log('warn', 'broker "' + url + '": expected ws://HOST:PORT or wss://HOST:PORT; the typical week plays');
      return null;
    }
    return url;
  }

  function wasm(name, returnType, argTypes, args) {
    try {
      if (!window.Module || typeof Module.ccall !== 'function' || typeof Module['_' + name] !== 'function') return undefined;
      return Module.ccall(name, returnType, argTypes, args);
    } catch (e) {
      log('warn', name + ' failed: ' + e);
      return undefined;
    }
  }

  function tellConnection(state) { wasm('twin_web_live_connection', null, ['string'], [state]); }

  function topicFilters() {
    var text = wasm('twin_web_live_topics', 'string', [], []);
    try {
      var filters = JSON.parse(text || '[]');
      return Array.isArray(filters) ? filters.filter(function (f) { return typeof f === 'string' && f; }) : [];
    } catch (e) {
      log('warn', 'twin_web_live_topics gave no JSON array: ' + text);
      return [];
    }
  }

  var decoder = new TextDecoder('utf-8', { fatal: true });

  function onMessage(topic, payload) {
    try {
      if (payload.length > MAX_PAYLOAD_BYTES) {
        log('warn', 'message on ' + topic + ' dropped: ' + payload.length + ' bytes, over ' + MAX_PAYLOAD_BYTES);
        return;
      }
      var text;
      try {
        text = decoder.decode(payload);
      } catch (e) {
        log('warn', 'message on ' + topic + ' dropped: the payload is not UTF-8 text');
        return;
      }
      if (text.indexOf('\u0000') >= 0 || topic.indexOf('\u0000') >= 0) {
        log('warn', 'message on ' + topic + ' dropped: it holds a NUL character');
        return;
      }
      wasm('twin_web_live_message', null, ['string', 'string'], [topic, text]);
    } catch (e) {
      log('warn', 'message on ' + topic + ' dropped: ' + e);
    }
  }

  function connect(url) {
    var retryMs = FIRST_RETRY_MS;
    var client;
    try {
      client = mqtt.connect(url, {
        clientId: 'twin-tour-web-' + Math.random().toString(16).slice(2, 10),
        protocolVersion: 4,      // MQTT 3.1.1, as the native client
        clean: true,
        keepalive: 30,
        connectTimeout: 10000,
        reconnectPeriod: retryMs,
        resubscribe: false       // subscribed again on every connect, below
      });
    } catch (e) {
      log('warn', 'cannot connect to ' + url + ': ' + e);
      return;
    }
    tellConnection('connecting');
    client.on('connect', function () {
      retryMs = FIRST_RETRY_MS;
      client.options.reconnectPeriod = retryMs;
      var filters = topicFilters();
      if (!filters.length) {
        log('warn', 'no topics to subscribe to; nothing live will show');
        return;
      }
      client.subscribe(filters, { qos: 1 }, function (error) {
        if (error) {
          log('warn', 'subscribing to ' + filters.join(', ') + ' failed: ' + error.message);
          return;
        }
        tellConnection('connected');
        log('info', 'connected to ' + url + ', subscribed to ' + filters.join(', '));
      });
    });
    // Back-off: each new attempt waits twice as long, up to LONGEST_RETRY_MS.
    client.on('reconnect', function () {
      tellConnection('connecting');
      retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
      client.options.reconnectPeriod = retryMs;
    });
    client.on('close', function () { tellConnection('offline'); });
    client.on('error', function (error) { log('warn', url + ': ' + (error && error.message)); });
    client.on('message', onMessage);
  }

  function loadBundleThen(done) {
    if (window.mqtt && typeof mqtt.connect === 'function') return done();
    var script = document.createElement('script');
    script.src = bundleUrl;
    script.onload = function () {
      if (window.mqtt && typeof mqtt.connect === 'function') done();
      else log('warn', bundleUrl + ' did not define mqtt; nothing live will show');
    };
    script.onerror = function () { log('warn', 'cannot load ' + bundleUrl + '; nothing live will show'); };
    document.head.appendChild(script);
  }

  function whenReady(done) {
    if (window.twinTourReady) return done();
    window.addEventListener('twintour-ready', function once() {
      window.removeEventListener('twintour-ready', once);
      done();
    });
  }

  try {
    var url = brokerUrl();
    if (url) whenReady(function () { loadBundleThen(function () { connect(url); }); });
  } catch (e) {
    log('warn', 'not started: ' + e);
  }
})();
