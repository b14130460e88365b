// Validates glTF files with the Khronos glTF validator (npm "gltf-validator").
// usage: node validate_gltf.js MODULE_DIR [--expect-errors] FILE...
// Exit 0 when every file has no error (or, with --expect-errors, when every
// file has at least one: proves the validator really checks); 1 otherwise.
'use strict';
const fs = require('fs');
const path = require('path');

const [moduleDir, ...rest] = process.argv.slice(2);
const expectErrors = rest[0] === '--expect-errors';
const files = expectErrors ? rest.slice(1) : rest;
let validator;
try {
  validator = require(path.join(path.resolve(moduleDir), 'node_modules', 'gltf-validator'));
} catch (e) {
  console.error(`gltf-validator is not installed in ${moduleDir} (scripts/test.sh installs it): ${e.message}`);
  process.exit(1);
}
if (files.length === 0) {
  console.error('no file to validate');
  process.exit(1);
}

function readExternal(base) {
  return (uri) => new Promise((resolve, reject) => {
    fs.readFile(path.resolve(path.dirname(base), decodeURIComponent(uri)), (error, data) =>
      error ? reject(error.toString()) : resolve(new Uint8Array(data)));
  });
}

(async () => {
  let failed = 0;
  for (const file of files) {
    const full = path.resolve(file);
    let report;
    try {
      report = await validator.validateBytes(new Uint8Array(fs.readFileSync(full)),
        {uri: path.basename(full), maxIssues: 50, externalResourceFunction: readExternal(full)});
    } catch (e) {
      report = {issues: {numErrors: 1, numWarnings: 0, messages: [{severity: 0, code: 'REJECTED', message: String(e)}]}};
    }
    const issues = report.issues;
    const ok = expectErrors ? issues.numErrors > 0 : issues.numErrors === 0;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}: ${issues.numErrors} error(s), ${issues.numWarnings} warning(s)`);
    for (const m of issues.messages) {
      if (m.severity === 0) console.log(`       error ${m.code} ${m.pointer || ''}: ${m.message}`);
    }
    if (!ok) failed++;
  }
  console.log(`${files.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
