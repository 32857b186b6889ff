// Messages and the live regions that announce them. A live region must be in the page before its text
// changes for screen readers to speak the change, so each region is always rendered, empty when quiet.
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses } from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface NoticeProps {
  intent: "success" | "error" | "warning" | "info";
  /** Required: Fluent labels the bar by its title, so a bar without one points at an id that is not there. */
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}

export function Notice({ intent, title, children, actions }: NoticeProps) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children !== undefined && <div>{children}</div>}
      </MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}

export interface LiveRegionProps {
  /** "alert" interrupts (failures); "status" waits until the reader is idle (outcomes). */
  kind: "alert" | "status";
  children?: ReactNode;
  className?: string;
}

const useStyles = makeStyles({
  // Out of the flex flow while empty, so a quiet region adds no gap; still in the page, so it is still watched.
  region: { ":empty": { position: "absolute" } },
});

/** Whatever is put inside is read out once when it appears; progress steps must stay outside. */
export function LiveRegion({ kind, children, className }: LiveRegionProps) {
  const styles = useStyles();
  return (
    <div
      role={kind}
      aria-live={kind === "alert" ? "assertive" : "polite"}
      aria-atomic="true"
      className={mergeClasses(styles.region, className)}
    >
      {children}
    </div>
  );
}
