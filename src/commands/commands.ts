/*
 * Ribbon commands (placeholder). The manifest's ExecuteFunction buttons call
 * these ids; `npm run validate` checks every FunctionName is registered here,
 * so keep the ids exactly: applyColours, buildSummary, removeColours.
 * The real handlers (src/excel/) replace the bodies later.
 */

/** Ends a ribbon command so Office stops showing it as busy. */
function finish(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.onReady(() => {
  // Nothing to prepare yet; handlers are registered below as the page loads.
});

// Registered at load, as Microsoft's templates do, so a click that arrives
// before onReady resolves still finds its function.
Office.actions.associate("applyColours", finish);
Office.actions.associate("buildSummary", finish);
Office.actions.associate("removeColours", finish);
