// Run xlplugin's xlwings Lite main.py under real Pyodide in Node, against an in-memory
// Excel that answers as the xlwings Lite client does (xlwings' remote engine calls it).
// Usage: node run_pyodide.mjs PYODIDE_DIR WHEELS_DIR PAYLOAD.json MAIN.py ACTION... > OUT.json
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheelsDir, payloadPath, mainPath, ...actions] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const payload = JSON.parse(readFileSync(payloadPath, "utf8"));

// The client side: what the Lite task pane answers when the remote engine asks.
const flushed = [];
const sheetOf = (name) => payload.sheets.find((s) => s.name === name);
const cellsOf = (address) => {
  const [a, b] = address.replace(/\$/g, "").split(":");
  const split = (ref) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  const [r1, c1] = split(a);
  const [r2, c2] = b ? split(b) : [r1, c1];
  return { r1, c1, r2, c2 };
};
globalThis.xlwings = {
  async runActions(actions) {
    flushed.push(...actions.actions);
  },
  async getRangeData(sheetName, address, keys) {
    const sheet = sheetOf(sheetName);
    const { r1, c1, r2, c2 } = cellsOf(address);
    const out = {};
    for (const key of keys) {
      if (key !== "colors") throw new Error(`getRangeData: ${key} is not served by this client`);
      const rows = [];
      for (let r = r1; r <= r2; r++) {
        const row = [];
        for (let c = c1; c <= c2; c++) row.push((sheet.fills || {})[`${r},${c}`] ?? null);
        rows.push(row);
      }
      out.colors = rows;
    }
    return out;
  },
  async getNoteText(sheetName, address) {
    const note = (sheetOf(sheetName).notes || []).find((n) => n.address === address.replace(/\$/g, ""));
    return note ? note.text : null;
  },
};

process.on("uncaughtException", (err) => {
  // Pyodide's own code is one long line: say the error, not the line it was thrown on.
  process.stderr.write(String(err && err.message ? err.message : err).slice(-4000) + "\n");
  process.exit(1);
});
process.on("unhandledRejection", (err) => {
  process.stderr.write(String(err && err.message ? err.message : err).slice(-4000) + "\n");
  process.exit(1);
});
const pyodide = await loadPyodide({ indexURL: pyodideDir, stdout: (s) => process.stderr.write(s + "\n") });
for (const name of readdirSync(wheelsDir).filter((n) => n.endsWith(".whl"))) {
  pyodide.unpackArchive(new Uint8Array(readFileSync(join(wheelsDir, name))), "wheel");
}
pyodide.FS.writeFile("/home/pyodide/main.py", readFileSync(mainPath));
pyodide.FS.writeFile("/home/pyodide/payload.json", JSON.stringify(payload));
pyodide.globals.set("ACTIONS", pyodide.toPy(actions));
const result = await pyodide.runPythonAsync(`
import json, os, sys
sys.path.insert(0, "/home/pyodide")
# xlwings' remote engine asks for a licence key outside xlwings Lite: the free non-commercial one.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
import xlwings as xw
import main

payload = json.load(open("/home/pyodide/payload.json"))
for sheet in payload["sheets"]:  # what the client sends: no fills, no note texts
    sheet.pop("fills", None)
    sheet["notes"] = [{"address": n["address"]} for n in sheet.get("notes", [])]
runs = {}
for action in ACTIONS:  # each press of a button: the workbook as the client sends it then
    book = xw.Book(json=json.loads(json.dumps(payload)))
    await getattr(main, action)(book)
    runs[action] = book.json()["actions"]
json.dumps({"platform": sys.platform, "python": sys.version.split()[0], "runs": runs,
            "modules": sorted({m.split(".")[0] for m in sys.modules})})
`);
const out = JSON.parse(result);
out.flushed = flushed;  // actions sent before a read (none expected: the plan reads first)
process.stdout.write(JSON.stringify(out));
