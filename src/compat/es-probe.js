// Parsed only by a webview that understands the syntax our bundles use (ES2020: `?.` and `??`).
// Edge Legacy (retail Office 2019 on Windows without WebView2) rejects this file whole, so the flag
// stays unset and old-browser.js, loaded next, shows its sentence instead of a blank pane.
window.ragScorecardModernScript = ({ probe: { ok: true } })?.probe?.ok ?? false;
