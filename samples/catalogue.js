// The bundled sample trackers and how each council reports them (used by `npm run demo`, tests and the browser preview).
exports.SAMPLES = [
  { file: "dudley-community-safety.xlsx", title: "Dudley MBC scorecard, Q3 2010/11", preset: "dudley", period: "Q3 2010/11", reportDate: "2010-12-31" },
  { file: "broxtowe-pentana.xlsx", title: "Broxtowe BC Pentana export, Q1 2021/22", preset: "pentana", period: "Q1 2021/22", reportDate: "2021-06-30" },
  { file: "derby-csp.xlsx", title: "Derby Community Safety Partnership, Q4 2009/10", preset: "rag", period: "Q4 2009/10", reportDate: "2010-03-31" },
  { file: "cannock-pdp.xlsx", title: "Cannock Chase PDP, Q2 2015/16", preset: "cannock", period: "Q2 2015/16", reportDate: "2015-09-30" },
];
