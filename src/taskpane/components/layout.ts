// Shared section styles: tight headings and spacing so the pane works at 320 px.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useSectionStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/**
 * A 2 px ring round an input or dropdown while it has focus. Fluent marks their focus only with a thin
 * underline, too faint to find (WCAG 2.4.7, 2.4.13); buttons already get Fluent's own ring.
 */
export const useFocusRing = makeStyles({
  ring: {
    ":focus-within": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: tokens.strokeWidthThin,
    },
  },
});
