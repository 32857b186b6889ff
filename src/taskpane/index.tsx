/*
 * Task pane bootstrap. Inside Excel: check the API version, then render the pane over Excel.run.
 * Anywhere else (the page opened in a browser, or office.js failed to load): say so and point to
 * the browser preview, which runs the same pane on a sample workbook.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, Link, MessageBar, MessageBarBody, MessageBarTitle, Text, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { checkRequirements } from "../excel/requirements";
import { excelRun, officeIsSetSupported } from "../excel/office";
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
  render(<App service={createExcelService(excelRun)} />);
}

void start();
