// Browser APIs Fluent UI v9 uses that jsdom lacks. Import this first in each pane test.
import { configure } from "@testing-library/react";

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined") {
  if (!("ResizeObserver" in window)) {
    Object.defineProperty(window, "ResizeObserver", { writable: true, value: NoopResizeObserver });
  }
  if (!window.matchMedia) {
    Object.defineProperty(window, "matchMedia", {
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  // Fluent's positioning asks for scroll sizes and the like; jsdom answers zeros, which is fine.
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
}

// Tell React that tests wrap updates in act (testing-library does).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Two shared cores and a cold Fluent UI render can take over a second: wait up to 10 s for what should appear.
configure({ asyncUtilTimeout: 10_000 });
