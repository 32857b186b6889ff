// The preview's grid redraws after anything that may have changed the workbook: every service
// call but detect is wrapped to report when it settles, whether it succeeded or failed.
import type { ScorecardService } from "../taskpane/service";

export type Change = "applyColours" | "buildSummary" | "removeColours" | "selectCell" | "saveSettings";

export function observeService(service: ScorecardService, onChange: (change: Change) => void): ScorecardService {
  const after = <T>(change: Change, work: Promise<T>): Promise<T> => work.finally(() => onChange(change));
  return {
    detect: (settings) => service.detect(settings),
    applyColours: (settings, progress) => after("applyColours", service.applyColours(settings, progress)),
    buildSummary: (settings, progress) => after("buildSummary", service.buildSummary(settings, progress)),
    removeColours: (progress) => after("removeColours", service.removeColours(progress)),
    selectCell: (sheet, cell) => after("selectCell", service.selectCell(sheet, cell)),
    saveSettings: (settings) => after("saveSettings", service.saveSettings(settings)),
  };
}
