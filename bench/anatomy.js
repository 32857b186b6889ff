// What each request of our commands is made of: operations grouped by kind, name and the object
// they act on, with the bytes of their arguments. It explains a sync count: which operations grow
// with the rows and fill the 4 MB budget. Wraps the fake's sync; used for our commands only.
"use strict";

const path = require("path");

const JS = path.join(__dirname, "out", "js");
const { FakeRequestContext } = require(path.join(JS, "fake-excel", "workbook.js"));

/** Starts recording; returns stop(), which gives per request the heaviest operation groups. */
function recordAnatomy(top = 5) {
  let proto = FakeRequestContext.prototype;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "sync")) proto = Object.getPrototypeOf(proto);
  const original = proto.sync;
  const requests = [];
  proto.sync = function sync(...args) {
    const groups = new Map();
    for (const op of this._queue ?? []) {
      if (op.kind === "path") continue;
      const on = [op.obj._method, op.obj._parent?._method].filter(Boolean).join(" < ");
      const key = `${op.kind} ${op.name} on ${on}`;
      const g = groups.get(key) ?? { op: key, count: 0, argBytes: 0 };
      g.count++;
      g.argBytes += (JSON.stringify(op.args) ?? "").length + (JSON.stringify(op.obj._args) ?? "").length;
      groups.set(key, g);
    }
    requests.push([...groups.values()].sort((a, b) => b.argBytes - a.argBytes || b.count - a.count).slice(0, top));
    return original.apply(this, args);
  };
  return () => {
    proto.sync = original;
    return requests;
  };
}

module.exports = { recordAnatomy };
