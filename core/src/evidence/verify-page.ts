/**
 * `verify.html`: one self-contained page at the disc root that checks the disc's files
 * against the payload manifest offline, in any current browser. The user picks the disc folder
 * (`<input type=file webkitdirectory>`); each file is hashed in the page: WebCrypto for files
 * up to 64 MiB, and for larger ones (a single ArrayBuffer of a multi-GiB file fails) the
 * incremental SHA-256 of hash-wasm, whose 18 kB UMD build the caller inlines (`hasherScript`).
 */
import { ACCESS_LOG_EXTRACT, ACCESS_LOG_TREE_HEAD } from './access-log-extract.js';
import type { ManifestLine } from './types.js';

/** File name of the page on the disc. */
export const VERIFY_HTML = 'verify.html';

/** What the page embeds. */
export interface VerifyPageInput {
  /** Case number and label, shown in the heading. */
  readonly caseNumber: string;
  readonly label: string;
  /** Payload manifest lines (the same as manifest-sha256.txt). */
  readonly manifest: readonly ManifestLine[];
  /** Script defining `hashwasm.createSHA256` (hash-wasm's sha256.umd.min.js, MIT). */
  readonly hasherScript: string;
  /**
   * Script defining `EFRLog.checkAccessLogExtract` (this module's access-log-extract.ts,
   * bundled by the caller), which proves the log extract against the signed tree head.
   */
  readonly logCheckScript?: string;
}

/** Escapes text for HTML content. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** JSON safe inside a <script> element (no `</script>`, no U+2028/2029 surprises). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page logic (modern browsers only: it runs on the reader's machine, not in Rhino). */
const PAGE_SCRIPT = [
  '(function () {',
  '  "use strict";',
  // '#incremental' forces the hash-wasm path for every file (used by the specs).
  '  var SMALL = /incremental/.test(location.hash) ? -1 : 64 * 1048576;',
  '  var CHUNK = 8 * 1048576;',
  '  var manifest = JSON.parse(document.getElementById("efr-manifest").textContent);',
  '  var LOG_EXTRACT = "' + ACCESS_LOG_EXTRACT + '", LOG_HEAD = "' + ACCESS_LOG_TREE_HEAD + '";',
  '  var input = document.getElementById("efr-pick");',
  '  var out = document.getElementById("efr-results");',
  '  var summary = document.getElementById("efr-summary");',
  '  function hex(buf) {',
  '    var b = new Uint8Array(buf), s = "";',
  '    for (var i = 0; i < b.length; i++) {',
  '      s += (b[i] < 16 ? "0" : "") + b[i].toString(16);',
  '    }',
  '    return s;',
  '  }',
  '  async function sha256(file, progress) {',
  '    if (file.size <= SMALL && window.crypto && crypto.subtle) {',
  '      var buf = await file.arrayBuffer();',
  '      progress(file.size);',
  '      return hex(await crypto.subtle.digest("SHA-256", buf));',
  '    }',
  '    var h = await hashwasm.createSHA256();',
  '    h.init();',
  '    for (var at = 0; at < file.size; at += CHUNK) {',
  '      var part = await file.slice(at, Math.min(file.size, at + CHUNK)).arrayBuffer();',
  '      h.update(new Uint8Array(part));',
  '      progress(Math.min(file.size, at + CHUNK));',
  '    }',
  '    return h.digest("hex");',
  '  }',
  '  function addRow(path, state, text) {',
  '    var tr = document.createElement("tr");',
  '    tr.className = state;',
  '    tr.setAttribute("data-path", path);',
  '    var a = document.createElement("td"); a.textContent = path;',
  '    var b = document.createElement("td"); b.textContent = text;',
  '    tr.appendChild(a); tr.appendChild(b); out.appendChild(tr);',
  '    return b;',
  '  }',
  // The access-log extract: each entry's RFC 9162 inclusion proof leads to the signed root
  // (core's checkAccessLogExtract, SHA-256 by hash-wasm), the head's Ed25519 signature is
  // checked by WebCrypto. A disc made before issue 18 has no head: said, not failed.
  '  async function checkLog(byPath, bad) {',
  '    var headFile = byPath[LOG_HEAD], extract = byPath[LOG_EXTRACT];',
  '    if (!headFile || typeof EFRLog === "undefined") {',
  '      return "；日志摘录无签名树头 the log extract has no signed tree head";',
  '    }',
  '    var h = await hashwasm.createSHA256();',
  '    var sha = function (b) { h.init(); h.update(b); return h.digest("binary"); };',
  '    var r = EFRLog.checkAccessLogExtract(sha, extract ? await extract.text() : "",',
  '      await headFile.text());',
  '    var signed = false;',
  '    if (r.signature && r.publicKey && r.signedBytes) {',
  '      try {',
  '        var key = await crypto.subtle.importKey("raw", r.publicKey, { name: "Ed25519" },',
  '          false, ["verify"]);',
  '        signed = await crypto.subtle.verify({ name: "Ed25519" }, key, r.signature,',
  '          r.signedBytes);',
  '      } catch (e) {',
  // A browser without WebCrypto Ed25519 cannot confirm the signature: reported as unverified.
  '        signed = false;',
  '      }',
  '    }',
  '    var head = r.head ? "树头 tree head " + r.head.treeSize + " · " +',
  '      new Date(r.head.timestamp).toISOString() + " · 密钥 key " + r.keyId : LOG_HEAD;',
  '    addRow(LOG_HEAD, signed && !r.headProblem ? "ok" : "bad", signed && !r.headProblem',
  '      ? "签名有效 signature valid · " + head',
  '      : "签名无效 signature INVALID " + (r.headProblem || "") + " · " + head);',
  '    if (!signed || r.headProblem) bad.push(LOG_HEAD);',
  '    r.lines.forEach(function (l) {',
  '      var name = LOG_EXTRACT + " #" + (l.seq === undefined ? "line " + l.line : l.seq);',
  '      addRow(name, l.ok ? "ok" : "bad", l.ok ? "已证明 proven" : "未通过 FAILED " + l.reason);',
  '      if (!l.ok) bad.push(name);',
  '    });',
  '    return "；日志 " + r.lines.length + " 条已证明 " + r.lines.length +',
  '      " log entries proven (key " + r.keyId + ")";',
  '  }',
  '  input.addEventListener("change", async function () {',
  '    out.textContent = "";',
  '    summary.className = "";',
  '    summary.textContent = "核验中… Checking…";',
  '    var byPath = {};',
  '    Array.prototype.forEach.call(input.files, function (f) {',
  '      var rel = f.webkitRelativePath || f.name;',
  '      var cut = rel.indexOf("/");',
  '      byPath[cut >= 0 ? rel.slice(cut + 1) : rel] = f;',
  '    });',
  '    var bad = [], listed = {};',
  '    for (var i = 0; i < manifest.length; i++) {',
  '      var m = manifest[i];',
  '      listed[m.path] = true;',
  '      var f = byPath[m.path];',
  '      if (!f) { addRow(m.path, "bad", "缺失 missing"); bad.push(m.path); continue; }',
  '      var cell = addRow(m.path, "run", "0%");',
  '      var got = await sha256(f, function (done) {',
  '        cell.textContent = Math.floor(done * 100 / Math.max(1, f.size)) + "%";',
  '      });',
  '      if (got === m.sha256) {',
  '        cell.parentNode.className = "ok";',
  '        cell.textContent = "一致 OK";',
  '      } else {',
  '        cell.parentNode.className = "bad";',
  '        cell.textContent = "不一致 MISMATCH " + got;',
  '        bad.push(m.path);',
  '      }',
  '    }',
  '    Object.keys(byPath).forEach(function (p) {',
  '      if (p.indexOf("data/") === 0 && !listed[p]) {',
  '        addRow(p, "bad", "清单外文件 not in manifest"); bad.push(p);',
  '      }',
  '    });',
  '    var logNote = await checkLog(byPath, bad);',
  '    summary.className = bad.length ? "bad" : "ok";',
  '    summary.textContent = bad.length',
  '      ? "发现问题 Problem: " + bad.join(", ")',
  '      : "全部 " + manifest.length + " 个文件一致 All " + manifest.length + " files match"',
  '        + logNote;',
  '  });',
  '})();',
].join('\n');

const STYLE = 'body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em}' +
  'table{border-collapse:collapse}td{border:1px solid #ccc;padding:4px 8px;' +
  'font-family:monospace}.ok{color:#1b5e20}.bad{color:#b71c1c;font-weight:bold}';

/** Renders the page. Deterministic: the same manifest gives the same bytes. */
export function verifyPageHtml(input: VerifyPageInput): string {
  const manifest = input.manifest.map((l) => ({ sha256: l.sha256, path: l.path }));
  return '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    '<title>证据光盘核验 Evidence disc check – ' + html(input.caseNumber) + '</title>\n' +
    '<style>' + STYLE + '</style>\n</head>\n<body>\n' +
    '<h1>证据光盘核验 Evidence disc check</h1>\n' +
    '<p>案件 Case: ' + html(input.caseNumber) + ' · 光盘 Disc: ' + html(input.label) + '</p>\n' +
    '<p>请选择光盘根文件夹（离线核验，不上传任何数据）。Choose the disc\'s root folder ' +
    '(checked offline; nothing is uploaded).</p>\n' +
    '<input id="efr-pick" type="file" webkitdirectory multiple>\n' +
    '<p id="efr-summary"></p>\n<table><tbody id="efr-results"></tbody></table>\n' +
    '<script type="application/json" id="efr-manifest">' + scriptJson(manifest) +
    '</script>\n<script>\n' + input.hasherScript.replace(/<\/script/gi, '<\\/script') +
    '\n</script>\n' +
    (input.logCheckScript ? '<script>\n' + input.logCheckScript.replace(/<\/script/gi,
      '<\\/script') + '\n</script>\n' : '') +
    '<script>\n' + PAGE_SCRIPT + '\n</script>\n</body>\n</html>\n';
}
