/*
 * Entry of preview.html: the task pane outside Office (PRODUCT workflow 6). No office.js is loaded; the
 * pane runs the real host code (src/excel) on a sample workbook held in the page by the fake Excel.
 * ?sample=broxtowe picks the other sample.
 */
import { createRoot } from "react-dom/client";
import { PreviewPage } from "../preview/PreviewPage";

const element = document.getElementById("root");
if (element) createRoot(element).render(<PreviewPage initialSample={new URLSearchParams(window.location.search).get("sample")} />);
