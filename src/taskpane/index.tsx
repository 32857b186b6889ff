/*
 * Placeholder task pane: title and the three actions, not wired yet.
 * The real pane replaces this file; it only proves the build, Fluent UI and
 * Office loading work together.
 */
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";

function Pane() {
  return (
    <main style={{ display: "flex", flexDirection: "column", gap: 8, padding: 16 }}>
      <Title3 as="h1">RAG Scorecard</Title3>
      <Button appearance="primary">Apply colours</Button>
      <Button>Build summary</Button>
      <Button>Remove colours</Button>
    </main>
  );
}

function mount(): void {
  const element = document.getElementById("root");
  if (!element) return;
  createRoot(element).render(
    <FluentProvider theme={webLightTheme}>
      <Pane />
    </FluentProvider>,
  );
}

// Office.js comes from the CDN; if it could not load, show the pane anyway.
if (typeof Office === "undefined") mount();
else void Office.onReady(() => mount());
