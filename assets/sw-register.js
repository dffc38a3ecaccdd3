// Registers the service worker (release builds only: post_build.py marks index.html) and tells
// the learner, in the page's language, when the site is available offline and when a new
// version is waiting. Plain script, no inline code, so the strict CSP holds.
(function () {
  "use strict";
  var marker = document.querySelector('meta[name="gdp-service-worker"]');
  if (!marker || !("serviceWorker" in navigator)) return;

  var TEXT = {
    ja: { offline: "オフラインでも使えます", update: "新しいバージョンがあります。", reload: "再読み込み" },
    en: { offline: "Available offline", update: "A new version is available.", reload: "Reload" },
  };
  function text() {
    return TEXT[document.documentElement.lang === "ja" ? "ja" : "en"];
  }
  // The app sets <html lang> after it starts (and again when the learner switches language):
  // keep whatever this script shows in that language.
  var current = null;
  function render() {
    if (current === "offline-ready") showOffline(true);
    if (current === "update") showUpdate(pendingWorker, true);
  }
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  var pendingWorker = null;
  function statusBox() {
    var box = document.getElementById("sw-status");
    if (!box) {
      box = document.createElement("div");
      box.id = "sw-status";
      box.className = "sw-status";
      box.setAttribute("role", "status");
      box.setAttribute("aria-live", "polite");
      document.body.appendChild(box);
    }
    return box;
  }
  var announced = false;
  function showOffline(again) {
    // The footer keeps a permanent badge (CSS keys on this attribute); the pill is a one-off.
    document.documentElement.setAttribute("data-offline-ready", "true");
    if (announced && !again) return;
    announced = true;
    current = "offline-ready";
    var box = statusBox();
    box.dataset.state = "offline-ready";
    box.textContent = "✓ " + text().offline;
    if (!again) {
      setTimeout(function () {
        if (box.dataset.state === "offline-ready") box.hidden = true;
      }, 5000);
    }
  }
  function showUpdate(worker, again) {
    if (!worker) return;
    pendingWorker = worker;
    current = "update";
    var box = statusBox();
    box.hidden = false;
    box.dataset.state = "update";
    box.textContent = text().update + " ";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = text().reload;
    button.addEventListener("click", function () {
      worker.postMessage("skip-waiting");
    });
    box.appendChild(button);
  }

  var reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // Only after the learner asked for the new version (or on the very first install, when no
    // page was controlled and nothing is lost by staying).
    if (reloading || !window.__gdpUpdateRequested) return;
    reloading = true;
    location.reload();
  });

  // Registered once the app has drawn its first page and the main thread is idle: installing
  // precaches the whole site, which is for the next visit and should not compete with this one's
  // first render on a small machine.
  function whenAppIdle(run) {
    var started = false;
    function start() {
      if (started) return;
      started = true;
      var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 200); };
      idle(run, { timeout: 2000 });
    }
    var app = document.getElementById("app");
    if (!app || app.querySelector("main")) return start();
    var seen = new MutationObserver(function () {
      if (app.querySelector("main")) {
        seen.disconnect();
        start();
      }
    });
    seen.observe(app, { childList: true, subtree: true });
    // Whatever happens to the app, the site still becomes available offline.
    setTimeout(start, 5000);
  }

  window.addEventListener("load", function () {
    whenAppIdle(register);
  });

  function register() {
    navigator.serviceWorker
      .register(marker.getAttribute("content"))
      .then(function (registration) {
        function watch(worker) {
          worker.addEventListener("statechange", function () {
            if (worker.state === "installed" && navigator.serviceWorker.controller && registration.active !== worker) {
              showUpdate(worker);
            } else if (worker.state === "activated" && !window.__gdpUpdateRequested) {
              showOffline();
            }
          });
        }
        if (registration.waiting && navigator.serviceWorker.controller) showUpdate(registration.waiting);
        if (registration.installing) watch(registration.installing);
        registration.addEventListener("updatefound", function () {
          if (registration.installing) watch(registration.installing);
        });
        if (registration.active && !registration.waiting) showOffline();
        document.addEventListener("click", function (e) {
          if (e.target && e.target.closest && e.target.closest("#sw-status button")) window.__gdpUpdateRequested = true;
        }, true);
      })
      .catch(function () {
        /* No service worker (private mode, file://): the site still works online. */
      });
  }
})();
