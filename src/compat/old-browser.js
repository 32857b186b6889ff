/* Written in ES5 on purpose: it must run in the webviews that cannot parse our bundles (Edge Legacy,
 * Internet Explorer), where the pane would otherwise stay blank. es-probe.js, loaded just before, sets
 * window.ragScorecardModernScript only where ES2020 parses; then this file does nothing.
 * Otherwise it shows the page's <meta name="old-browser-message"> sentence, and on the ribbon's
 * function file it answers every <meta name="ribbon-functions"> button with that sentence in a dialog. */
(function () {
  "use strict";
  if (window.ragScorecardModernScript === true) return;
  var LIFETIME_MS = 285000; // Office closes a ribbon command's runtime at five minutes; finish before.

  function metaContent(name) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    return meta ? meta.getAttribute("content") : "";
  }

  var message = metaContent("old-browser-message") || "RAG Scorecard needs a newer browser.";

  function show() {
    var p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.style.cssText = "font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; line-height: 1.4; margin: 16px;";
    p.appendChild(document.createTextNode(message));
    var root = document.getElementById("root") || document.body;
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(p);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();

  var functions = metaContent("ribbon-functions");
  if (!functions || typeof Office === "undefined" || /[?&]notice=/.test(location.search)) return;

  // Desktop Excel dispatches ribbon clicks only after onReady has been called. It holds a click until
  // then, so a click dispatched as Office becomes ready counts its five minutes from the page's start.
  var readyAt = null;
  function now() {
    return window.performance && performance.now ? performance.now() : 0;
  }
  Office.onReady(function () {
    readyAt = now();
  });
  var dialogUrl = location.href.split("?")[0].split("#")[0] + "?notice=old-browser";

  function answer(event) {
    var done = false;
    var dialog = null;
    function finish() {
      if (done) return;
      done = true;
      try {
        if (dialog) dialog.close();
      } catch (e) {
        // Already closed.
      }
      event.completed();
    }
    var dispatchedAt = now();
    var heldBack = readyAt === null || dispatchedAt - readyAt < 1000;
    setTimeout(finish, Math.max(0, LIFETIME_MS - (heldBack ? dispatchedAt : 0)));
    try {
      Office.context.ui.displayDialogAsync(dialogUrl, { height: 30, width: 30 }, function (result) {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return finish();
        dialog = result.value;
        if (done) return dialog.close();
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      });
    } catch (e) {
      finish();
    }
  }

  var names = functions.split(/\s+/);
  for (var i = 0; i < names.length; i++) {
    if (names[i]) Office.actions.associate(names[i], answer);
  }
})();
