// A small stand-in for @testing-library/user-event (not installed): Tab moves focus in DOM order,
// Enter on a native button clicks it, as browsers do.
import { act, fireEvent } from "@testing-library/react";

const FOCUSABLE = "button, [href], input, select, textarea, [tabindex]";

function tabbable(): HTMLElement[] {
  return Array.from(document.body.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest("[hidden], [inert]"),
  );
}

export function tab(): HTMLElement {
  const all = tabbable();
  const next = all[all.indexOf(document.activeElement as HTMLElement) + 1] ?? all[0];
  act(() => next.focus());
  return next;
}

export function pressEnter(el: HTMLElement = document.activeElement as HTMLElement): void {
  const notCancelled = fireEvent.keyDown(el, { key: "Enter", code: "Enter" });
  if (notCancelled && el.tagName === "BUTTON" && !(el as HTMLButtonElement).disabled) fireEvent.click(el);
  fireEvent.keyUp(el, { key: "Enter", code: "Enter" });
}
