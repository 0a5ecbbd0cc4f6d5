// The page's side of the app: checks the browser can run it, loads app.js with progress, and
// turns every way of failing into a clear message in both languages. The app talks back through
// two window events: "prd-first-frame" (hide the overlay) and "prd-fatal" (show why it stopped).
"use strict";

(function () {
  var overlay = document.getElementById("overlay");
  var started = false;
  var failed = false;

  function setProgress(fraction) {
    var bar = document.getElementById("progress-bar");
    var percent = Math.max(5, Math.min(100, Math.round(fraction * 100)));
    bar.style.width = percent + "%";
    document.getElementById("progress").setAttribute("aria-valuenow", String(percent));
  }

  function setMessage(uk, en) {
    var message = document.getElementById("message");
    message.replaceChildren();
    var ukSpan = document.createElement("span");
    ukSpan.lang = "uk";
    ukSpan.textContent = uk;
    var enSpan = document.createElement("span");
    enSpan.lang = "en";
    enSpan.textContent = en;
    message.append(ukSpan, document.createElement("br"), enSpan);
  }

  // offerTextVersion: the browser cannot run the app at all, so lead to the text version.
  function fail(uk, en, detail, offerTextVersion) {
    if (failed) return;
    failed = true;
    overlay.classList.remove("hidden");
    document.getElementById("progress").hidden = true;
    document.getElementById("message").hidden = true;
    document.getElementById("failure-uk").textContent = uk;
    document.getElementById("failure-en").textContent = en;
    document.getElementById("failure-detail").textContent = detail || "";
    document.getElementById("failure-text-version").hidden = !offerTextVersion;
    document.getElementById("failure").hidden = false;
    window.prdShellError = en + (detail ? " (" + detail + ")" : "");
  }

  function hasWebAssembly() {
    return typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
  }

  function hasWebGL2() {
    try {
      var gl = document.createElement("canvas").getContext("webgl2");
      if (!gl) return false;
      // Give the probe context back at once; browsers cap how many may live.
      var lose = gl.getExtension("WEBGL_lose_context");
      if (lose) lose.loseContext();
      return true;
    } catch (e) {
      return false;
    }
  }

  document.getElementById("reload").addEventListener("click", function () {
    window.location.reload();
  });

  if (!hasWebAssembly()) {
    fail("Цей браузер не підтримує WebAssembly.",
         "This browser does not support WebAssembly.",
         "Оновіть браузер або відкрийте сторінку в іншому. / Please update the browser or use another one.", true);
    return;
  }
  if (!hasWebGL2()) {
    fail("Цей браузер або пристрій не підтримує WebGL 2.",
         "This browser or device does not support WebGL 2.",
         "Увімкніть апаратне прискорення або відкрийте сторінку в іншому браузері. / " +
         "Turn on hardware acceleration or use another browser.", true);
    return;
  }

  window.addEventListener("prd-first-frame", function () {
    started = true;
    window.prdFirstFrameMs = performance.now();  // for ./dev bench: cold start to first frame
    document.body.classList.add("running");
    if (!failed) overlay.classList.add("hidden");
    document.getElementById("canvas").focus();
  });
  window.addEventListener("prd-fatal", function (event) {
    fail("Застосунок не може працювати в цьому браузері.",
         "The app cannot run in this browser.", String(event.detail || ""));
  });
  // Before the first frame, any uncaught error means the person would stare at a spinner forever.
  window.addEventListener("error", function (event) {
    if (!started) fail("Не вдалося запустити застосунок.", "The app failed to start.", String(event.message || ""));
  });
  window.addEventListener("unhandledrejection", function (event) {
    if (!started) fail("Не вдалося запустити застосунок.", "The app failed to start.", String(event.reason || ""));
  });

  var canvas = document.getElementById("canvas");
  // Right-click belongs to the app (table column menus), not the browser.
  canvas.addEventListener("contextmenu", function (event) { event.preventDefault(); });

  // bundle.js (generated at build time, never cached) names the files by content hash, so they can
  // be cached for a year; without it the plain names still work.
  var bundle = window.PRD_BUNDLE || {};
  function located(name) { return bundle[name] || name; }

  // Emscripten's loader reads its settings from the global Module.
  window.Module = {
    canvas: canvas,
    locateFile: function (path) { return located(path); },
    setStatus: function (text) {
      // e.g. "Downloading data... (12345/67890)" while app.data arrives.
      var match = /\((\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\)/.exec(text || "");
      if (match && Number(match[2]) > 0) setProgress(0.2 + 0.7 * Number(match[1]) / Number(match[2]));
    },
    monitorRunDependencies: function (left) {
      if (left === 0) {
        setProgress(0.95);
        setMessage("Запуск…", "Starting…");
      }
    },
    onAbort: function (what) {
      fail("Застосунок зупинився з помилкою.", "The app stopped with an error.", String(what || ""));
    },
    printErr: function (text) { console.error(text); },
  };

  // Offline start: a service worker keeps this page and the app's files (shell/sw.js.in). Browsers
  // allow one only in a secure context (https://, or http://127.0.0.1 and localhost).
  // window.prdServiceWorker tells tests and diagnostics how far it got.
  window.prdServiceWorker = { state: "unsupported", controlled: false, error: "" };
  if ("serviceWorker" in navigator && window.isSecureContext) {
    var status = window.prdServiceWorker;
    status.state = "registering";
    status.controlled = !!navigator.serviceWorker.controller;
    var reloadAsked = false;
    var offerUpdate = function (worker) {
      status.state = "update_ready";
      var banner = document.getElementById("update");
      banner.hidden = false;
      document.getElementById("update-reload").onclick = function () {
        reloadAsked = true;  // the page reloads once the new worker has taken over
        worker.postMessage("skip-waiting");
      };
    };
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      status.controlled = true;
      if (reloadAsked) window.location.reload();
    });
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("sw.js").then(function (registration) {
        status.state = registration.active ? "active" : "installing";
        if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
        registration.addEventListener("updatefound", function () {
          var worker = registration.installing;
          if (!worker) return;
          worker.addEventListener("statechange", function () {
            if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
            else if (worker.state === "activated" && status.state !== "update_ready") status.state = "active";
          });
        });
        // A tab left open for days still learns of a new release.
        setInterval(function () { registration.update().catch(function () {}); }, 30 * 60 * 1000);
      }).catch(function (error) {
        status.state = "failed";
        status.error = String(error);
      });
    });
  }

  setProgress(0.1);
  var script = document.createElement("script");
  script.src = located("app.js");
  script.async = true;
  script.onerror = function () {
    fail("Не вдалося завантажити застосунок.", "The app could not be loaded.",
         "Перевірте з'єднання й перезавантажте сторінку. / Check the connection and reload the page.");
  };
  document.body.appendChild(script);
})();
