// A time model for Excel on the web, from what the fake counted. Stated assumptions, not measurements:
//   - ROUND_TRIP_MS: one context.sync() from a browser task pane to Excel on the web (network
//     round trip plus the service's per-request overhead). Microsoft's guidance treats sync as the
//     expensive call; 150 ms is a middling figure for a UK office connection to a Microsoft data centre.
//   - OP_MS: the service's work per queued operation (a property set, a method call, a load).
//   - BYTES_PER_MS: transfer of request and response bodies at about 10 MB/s.
// JavaScript time in the pane (the engine) is the same either way and is added to both sides.
"use strict";

const COSTS = {
  roundTripMs: 150,
  opMs: 0.05,
  bytesPerMs: 10_000, // 10 MB/s
};

/** Excel on the web's limit on a request and on a response, as the fake enforces it. */
const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/**
 * Requests a command makes whatever the data: the facts (sheet names, which the read needs) and the
 * capture (formats about to be replaced, which our record written first needs). The read and the
 * writes are counted by their bytes.
 */
const FIXED_REQUESTS = 2;

/** Modelled milliseconds for a command, from the fake's request statistics. */
function modelledMs(stats, jsMs = 0, costs = COSTS) {
  const bytes = stats.requestBytes + stats.responseBytes;
  return stats.syncs * costs.roundTripMs + stats.ops * costs.opMs + bytes / costs.bytesPerMs + jsMs;
}

/**
 * Totals over a FakeStats (requests since the last reset). A request the payload limit refused
 * still costs its round trip and its request bytes; its response is never sent, so it is counted
 * apart (failedRequests) and left out of the transfer and of the largest sizes.
 */
function totals(fakeStats) {
  let ops = 0;
  let requestBytes = 0;
  let acceptedRequestBytes = 0;
  let responseBytes = 0;
  let maxRequestBytes = 0;
  let maxResponseBytes = 0;
  let failedRequests = 0;
  for (const r of fakeStats.requests) {
    ops += r.ops;
    requestBytes += r.bytes;
    if (r.failed) {
      failedRequests++;
      continue;
    }
    acceptedRequestBytes += r.bytes;
    responseBytes += r.responseBytes;
    if (r.bytes > maxRequestBytes) maxRequestBytes = r.bytes;
    if (r.responseBytes > maxResponseBytes) maxResponseBytes = r.responseBytes;
  }
  const syncs = fakeStats.requests.length;
  return { syncs, failedRequests, ops, requestBytes, acceptedRequestBytes, responseBytes, maxRequestBytes, maxResponseBytes, meanRequestBytes: syncs ? Math.round(requestBytes / syncs) : 0 };
}

/**
 * The fewest syncs that could carry what a command sent and received (requests Excel accepted) under the
 * 5 MB limit: the fixed requests, then the read's responses and the writes' requests packed full. The data
 * is ours as sent (JSON overhead included), so it bounds this design's traffic, not every possible one.
 */
function minSyncs(t) {
  return FIXED_REQUESTS + Math.max(1, Math.ceil(t.responseBytes / PAYLOAD_LIMIT)) + Math.max(1, Math.ceil(t.acceptedRequestBytes / PAYLOAD_LIMIT));
}

module.exports = { COSTS, PAYLOAD_LIMIT, modelledMs, minSyncs, totals };
