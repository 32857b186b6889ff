// The manifest's structural check (scripts/manifest-check.js), run on the
// real manifest and on broken copies: each breakage must fail its own check.
import * as fs from "fs";
import * as path from "path";
import { CHECK, checkManifest, registeredFunctions } from "../scripts/manifest-check";
import { parseXml } from "../scripts/xml-lite";

const ROOT = path.resolve(__dirname, "..");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const commandsSource = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
const assetsDir = path.join(ROOT, "assets");

const check = (xml: string, source = commandsSource) => checkManifest(xml, { assetsDir, commandsSource: source });

describe("real manifest", () => {
  const result = check(manifest);

  test.each(result.checks.map((c) => [c.name, c] as const))("%s passes", (_name, c) => {
    expect(c).toMatchObject({ ok: true });
  });

  test("runs every check", () => {
    expect(result.checks.map((c) => c.name).sort()).toEqual(Object.values(CHECK).sort());
    expect(result.ok).toBe(true);
  });

  test("declares the ribbon functions the commands file registers", () => {
    expect(registeredFunctions(commandsSource).sort()).toEqual(["applyColours", "buildSummary", "liveColoursOff", "liveColoursOn", "removeColours"]);
  });

  test("runs in one shared runtime: Runtime, FunctionFile and the pane name Taskpane.Url, SharedRuntime 1.1 required", () => {
    const { root } = parseXml(manifest);
    const all = (el: typeof root): (typeof root)[] => [el, ...el.children.flatMap(all)];
    const named = (name: string) => all(root).filter((el) => el.name.replace(/^.*:/, "") === name);
    expect(named("Runtime").map((el) => el.attrs)).toEqual([{ resid: "Taskpane.Url", lifetime: "long" }]);
    expect(named("FunctionFile").map((el) => el.attrs.resid)).toEqual(["Taskpane.Url"]);
    expect(named("SourceLocation").filter((el) => el.attrs.resid).map((el) => el.attrs.resid)).toEqual(["Taskpane.Url"]);
    expect(named("Set").map((el) => `${el.attrs.Name} ${el.attrs.MinVersion}`)).toEqual(["ExcelApi 1.9", "SharedRuntime 1.1"]);
    expect(manifest).not.toContain("commands.html");
  });

  test("Live colours on and off are ExecuteFunction buttons with Enabled defaults for live colours off", () => {
    const control = (id: string) => manifest.match(new RegExp(`<Control xsi:type="Button" id="RagScorecard\\.${id}">[\\s\\S]*?</Control>`))?.[0] ?? "";
    expect(control("LiveOn")).toMatch(/<FunctionName>liveColoursOn<\/FunctionName>\s*<\/Action>\s*<Enabled>true<\/Enabled>/);
    expect(control("LiveOff")).toMatch(/<FunctionName>liveColoursOff<\/FunctionName>\s*<\/Action>\s*<Enabled>false<\/Enabled>/);
  });
});

interface Breakage {
  what: string;
  from: string | RegExp;
  to: string;
  rule: string;
  source?: string;
}

// Each row: what we break, how, and the check that must catch it.
const breakages: Breakage[] = [
  { what: "unclosed element", from: "</Resources>", to: "", rule: CHECK.wellFormed },
  { what: "bare ampersand", from: 'DefaultValue="Scorecard"', to: 'DefaultValue="Score & card"', rule: CHECK.wellFormed },
  { what: "host not Excel", from: '<Host Name="Workbook"/>', to: '<Host Name="Document"/>', rule: CHECK.taskPane },
  { what: "Id not a GUID", from: /<Id>[^<]*<\/Id>/, to: "<Id>rag-scorecard</Id>", rule: CHECK.guid },
  { what: "duplicate control id", from: 'id="RagScorecard.BuildSummary"', to: 'id="RagScorecard.ApplyColours"', rule: CHECK.idsUnique },
  { what: "duplicate resource id", from: '<bt:String id="OpenPane.Label"', to: '<bt:String id="Tab.Label"', rule: CHECK.idsUnique },
  { what: "undefined resid", from: '<Label resid="Tab.Label"/>', to: '<Label resid="Tab.Missing"/>', rule: CHECK.residsDefined },
  { what: "resid over 32 characters", from: /"Tab\.Label"/g, to: '"RagScorecard.Tab.Label.TooLongForOffice"', rule: CHECK.residLength },
  { what: "http URL", from: '<bt:Url id="Taskpane.Url" DefaultValue="https://', to: '<bt:Url id="Taskpane.Url" DefaultValue="http://', rule: CHECK.https },
  { what: "relative URL", from: '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', to: '<SupportUrl DefaultValue="taskpane.html"/>', rule: CHECK.https },
  { what: "missing icon file", from: "assets/icon-80.png", to: "assets/icon-99.png", rule: CHECK.iconsExist },
  { what: "icon outside assets/", from: "localhost:3000/assets/icon-16.png", to: "localhost:3000/img/icon-16.png", rule: CHECK.iconsExist },
  { what: "64 px icon declared as 32", from: 'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"', to: 'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-64.png"', rule: CHECK.iconSizes },
  { what: "no ExcelApi set", from: '<Set Name="ExcelApi" MinVersion="1.9"/>', to: "", rule: CHECK.excelApi },
  { what: "read-only permission", from: "<Permissions>ReadWriteDocument</Permissions>", to: "<Permissions>ReadDocument</Permissions>", rule: CHECK.permissions },
  { what: "function file in a runtime of its own", from: '<FunctionFile resid="Taskpane.Url"/>', to: '<FunctionFile resid="GetStarted.LearnMoreUrl"/>', rule: CHECK.functionFile },
  { what: "pane in another runtime", from: '<SourceLocation resid="Taskpane.Url"/>', to: '<SourceLocation resid="GetStarted.LearnMoreUrl"/>', rule: CHECK.functionFile },
  { what: "no Runtimes", from: /<Runtimes>[\s\S]*?<\/Runtimes>/, to: "", rule: CHECK.functionFile },
  { what: "shared page not the pane's", from: '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>', to: '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/commands.html"/>', rule: CHECK.functionFile },
  { what: "SharedRuntime not required", from: '<Set Name="SharedRuntime" MinVersion="1.1"/>', to: "", rule: CHECK.sharedRuntime },
  { what: "short-lived runtime", from: '<Runtime resid="Taskpane.Url" lifetime="long"/>', to: '<Runtime resid="Taskpane.Url" lifetime="short"/>', rule: CHECK.sharedRuntime },
  { what: "Runtimes after DesktopFormFactor", from: /(<Runtimes>[\s\S]*?<\/Runtimes>)(\s*)(<DesktopFormFactor>[\s\S]*<\/DesktopFormFactor>)/, to: "$3$2$1", rule: CHECK.sharedRuntime },
  { what: "no custom tab", from: /<CustomTab[\s\S]*<\/CustomTab>/, to: "", rule: CHECK.customTab },
  { what: "misspelt FunctionName", from: "<FunctionName>buildSummary</FunctionName>", to: "<FunctionName>buildSummry</FunctionName>", rule: CHECK.functions },
  { what: "commands register only applyColours", from: "", to: "", rule: CHECK.functions, source: 'Office.actions.associate("applyColours", f);' },
];

describe("broken manifests", () => {
  test.each(breakages)("$what fails '$rule'", ({ from, to, rule, source }) => {
    const broken = from === "" ? manifest : manifest.replace(from, to);
    if (from !== "") expect(broken).not.toBe(manifest);
    const result = check(broken, source);
    const failed = result.checks.filter((c) => !c.ok).map((c) => c.name);
    expect(failed).toContain(rule);
    expect(result.ok).toBe(false);
  });

  test("a missing commands source fails the function check", () => {
    const result = checkManifest(manifest, { assetsDir });
    expect(result.checks.find((c) => c.name === CHECK.functions)).toMatchObject({ ok: false });
  });
});

describe("registeredFunctions", () => {
  test.each([
    ['Office.actions.associate("a", f);', ["a"]],
    ["Office.actions.associate('b', f); Office.actions.associate(`c`, g);", ["b", "c"]],
    ["Office.actions\n  .associate(\n  \"d\", f)", ["d"]],
    ['// nothing here\nconst associate = "x";', []],
  ])("%j -> %j", (source, expected) => {
    expect(registeredFunctions(source)).toEqual(expected);
  });
});

describe("parseXml", () => {
  test.each([
    ["<a/>", "a", ""],
    ['<?xml version="1.0"?>\n<!-- c --><a x="1 &amp; 2"><b/>t&lt;&#65;&#x42;</a>', "a", "t<AB"],
    ["<a><![CDATA[<raw>]]></a>", "a", "<raw>"],
    ["\uFEFF<bt:Image id='x'></bt:Image>", "bt:Image", ""],
  ])("well-formed %j", (xml, rootName, text) => {
    const { root } = parseXml(xml);
    expect(root.name).toBe(rootName);
    expect(root.text).toBe(text);
  });

  test.each([
    ["<a>", "never closed"],
    ["<a></b>", "does not match"],
    ["<a/><b/>", "after the root"],
    ['<a x="1" x="2"/>', "repeated"],
    ["<a x=1/>", "quoted"],
    ["<a>&nbsp;</a>", "unknown entity"],
    ["<a>fish & chips</a>", "entity reference"],
    ["<!DOCTYPE a><a/>", "DOCTYPE"],
    ["<a><!-- open </a>", "comment"],
    ["", "root element"],
  ])("rejects %j (%s)", (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });

  test("reports the line of the error", () => {
    expect(() => parseXml("<a>\n<b>\n</c></a>")).toThrow(/^line 3:/);
  });
});

describe("a manifest hosted under a path", () => {
  const hosted = manifest.split("https://localhost:3000/").join("https://apps.example.gov.uk/rag/");

  test("finds its icons under <base>/assets/ and has no localhost warning", () => {
    const result = check(hosted);
    expect(result.checks.filter((c) => !c.ok || c.warning)).toEqual([]);
  });

  test("an icon outside the site's assets/ still fails", () => {
    const result = check(hosted.replace("rag/assets/icon-16.png", "rag/img/icon-16.png"));
    expect(result.checks.find((c) => c.name === CHECK.iconsExist)).toMatchObject({ ok: false });
  });
});
