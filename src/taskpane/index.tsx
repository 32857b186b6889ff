/*
 * Task pane bootstrap, in the shared runtime: this page is also the ribbon's function file (the
 * commands chunk runs first, src/commands/commands.ts). Inside Excel: check the API version, then render
 * the pane over the runtime's queue, so its Excel work never overlaps the ribbon's or live colours'.
 * Opened as a command's message dialog (?notice=…): nothing here, the commands chunk shows the message.
 * Anywhere else (the page opened in a browser, or office.js failed to load): say so and point to
 * the browser preview, which runs the same pane on a sample workbook.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, Link, MessageBar, MessageBarBody, MessageBarTitle, Text, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { checkRequirements } from "../excel/requirements";
import { excelRun, officeIsSetSupported } from "../excel/office";
import { noticeFromSearch } from "../commands/notice";
import { addinRuntime } from "../runtime/instance";
import { queuedService } from "../runtime/queued-service";
import { App } from "./App";
import { createExcelService } from "./excel-service";

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16, display: "flex", flexDirection: "column", gap: 12 }}>
        <h1 style={{ margin: 0, fontSize: 20 }}>RAG Scorecard</h1>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{title}</MessageBarTitle>
            {children}
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}

function outsideExcel(): ReactNode {
  return (
    <Notice title="Open this add-in in Excel">
      <Text block>
        This page is the RAG Scorecard task pane and works inside Excel. To try it in a browser on a sample workbook, open
        the <Link href="preview.html">browser preview</Link>.
      </Text>
    </Notice>
  );
}

function render(node: ReactNode): void {
  const element = document.getElementById("root");
  if (element) createRoot(element).render(node);
}

async function start(): Promise<void> {
  if (noticeFromSearch(location.search)) return;
  if (typeof Office === "undefined") {
    render(outsideExcel());
    return;
  }
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) {
    render(outsideExcel());
    return;
  }
  const problem = checkRequirements(officeIsSetSupported);
  if (problem) {
    render(
      <Notice title="This version of Excel is too old">
        <Text block>{problem}</Text>
      </Notice>,
    );
    return;
  }
  const runtime = addinRuntime();
  render(<App service={queuedService(createExcelService(excelRun), runtime)} live={runtime} />);
}

void start();
