// ogilint serve: the page's own script. It collects the dropped or chosen files (a dropped folder
// walked through its entries, each file named by its path inside the folder), uploads them to
// /api/jobs, polls the job and shows each file's state, then the HTML report and the downloads.
// Names and messages are set as text (textContent), never as markup.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  let chosen = [];   // [{file, name}]
  let options = null;
  let polling = null;

  function say(text) { $("message").textContent = text || ""; }

  function megabytes(n) { return Math.round(n / 1048576); }

  function showChosen() {
    const list = $("chosen-list");
    list.replaceChildren();
    const total = chosen.reduce((s, c) => s + c.file.size, 0);
    chosen.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    $("chosen").hidden = chosen.length === 0;
    const size = total < 1048576 ? `${(total / 1024).toFixed(1)} KB` : `${(total / 1048576).toFixed(1)} MB`;
    $("chosen-count").textContent = `已选 ${chosen.length} 个文件,共 ${size}`;
    for (const c of chosen.slice(0, 200)) {
      const li = document.createElement("li");
      li.textContent = c.name;
      list.append(li);
    }
    if (chosen.length > 200) {
      const li = document.createElement("li");
      li.textContent = `…… 另有 ${chosen.length - 200} 个文件`;
      list.append(li);
    }
    $("start").disabled = chosen.length === 0;
    $("clear").disabled = chosen.length === 0;
    say("");
    if (options && chosen.length > options.max_files) say(`一次最多上传 ${options.max_files} 个文件;请分批上传`);
    else if (options && total > options.max_bytes) say(`上传的内容超过 ${megabytes(options.max_bytes)} MB 的上限;请分批上传`);
  }

  function add(file, name) { chosen.push({ file, name: name || file.name }); }

  // A dropped folder: its entries read in batches (readEntries gives at most 100 at a time).
  function readAll(reader) {
    return new Promise((resolve, reject) => {
      const all = [];
      const next = () => reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else { all.push(...batch); next(); }
      }, reject);
      next();
    });
  }

  async function walk(entry, prefix) {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      add(file, prefix + entry.name);
    } else if (entry.isDirectory) {
      for (const child of await readAll(entry.createReader())) await walk(child, prefix + entry.name + "/");
    }
  }

  async function dropped(event) {
    event.preventDefault();
    $("drop").classList.remove("over");
    const items = Array.from(event.dataTransfer.items || []);
    const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
    try {
      if (entries.length && entries.every((e) => e)) {
        for (const e of entries) await walk(e, "");
      } else {
        for (const f of event.dataTransfer.files) add(f);
      }
    } catch (err) {
      say("无法读取拖入的文件夹;请改用“选择文件夹”");
    }
    showChosen();
  }

  function picked(event) {
    for (const f of event.target.files) add(f, f.webkitRelativePath || f.name);
    event.target.value = "";
    showChosen();
  }

  function fill(select, names) {
    for (const n of names) {
      const o = document.createElement("option");
      o.value = n; o.textContent = n;
      select.append(o);
    }
  }

  function row(name, state, cls) {
    const tr = document.createElement("tr");
    const a = document.createElement("td");
    const b = document.createElement("td");
    a.textContent = name; b.textContent = state;
    if (cls) tr.className = cls;
    tr.append(a, b);
    return tr;
  }

  function counts(r) {
    if (r.skipped) return ["已跳过: " + r.error, "skipped"];
    if (r.error) return ["无法检查: " + r.error, "unusable"];
    const parts = [];
    if (r.errors) parts.push(`${r.errors} 个错误`);
    if (r.warnings) parts.push(`${r.warnings} 个警告`);
    if (r.infos) parts.push(`${r.infos} 个提示`);
    return [parts.length ? parts.join(", ") : "未发现问题", r.errors ? "has-errors" : r.warnings ? "has-warnings" : "clean"];
  }

  function showStatus(job) {
    const body = $("files").querySelector("tbody");
    body.replaceChildren();
    if (job.state === "done") {
      for (const r of job.results) {
        const [text, cls] = counts(r);
        body.append(row(r.name, text, cls));
      }
      $("stage").textContent = `检查完成: ${job.results.length} 个文件`;
      $("bar").value = 1;
      return;
    }
    if (job.state === "failed") {
      $("stage").textContent = "检查失败: " + job.error;
      return;
    }
    const names = job.names || [];
    const reading = job.stage === "读取";
    const done = job.done || 0;
    names.forEach((n, i) => {
      let state = "排队中";
      if (job.stage === "检查") state = "已读取,正在检查";
      else if (reading && i < done) state = "已读取";
      else if (reading && i === done) state = "正在读取";
      body.append(row(n, state, ""));
    });
    const total = job.total || names.length || 1;
    const fraction = job.stage === "检查" ? 0.5 + done / total / 2 : reading ? done / total / 2 : 0;
    $("bar").value = fraction;
    $("stage").textContent = job.stage ? `${job.state_text}: ${job.stage} ${done}/${job.total}` : job.state_text;
  }

  function showResults(job) {
    for (const fmt of Object.keys(job.downloads)) {
      const a = $("dl-" + fmt);
      if (a) a.href = job.downloads[fmt];
    }
    $("keep").textContent = options ? `${Math.round(options.keep_seconds / 60)} 分钟` : "";
    $("report").src = job.downloads.html + "?inline=1";
    $("results").hidden = false;
  }

  async function poll(id) {
    let job;
    try {
      const answer = await fetch(`/api/jobs/${encodeURIComponent(id)}`);
      job = await answer.json();
      if (!answer.ok) throw new Error(job.error || String(answer.status));
    } catch (err) {
      say("无法取得检查进度: " + err.message);
      finish();
      return;
    }
    showStatus(job);
    if (job.state === "done") { showResults(job); finish(); }
    else if (job.state === "failed") { say("检查失败: " + job.error); finish(); }
    else polling = setTimeout(() => poll(id), 500);
  }

  function finish() {
    polling = null;
    $("start").disabled = chosen.length === 0;
    $("clear").disabled = chosen.length === 0;
  }

  async function start() {
    if (polling || chosen.length === 0) return;
    const form = new FormData();
    for (const c of chosen) form.append("files", c.file, c.name);
    form.append("ruleset", $("ruleset").value);
    form.append("region", $("region").value);
    $("start").disabled = true; $("clear").disabled = true;
    $("results").hidden = true;
    $("report").removeAttribute("src");
    say("正在上传……");
    let job;
    try {
      const answer = await fetch("/api/jobs", { method: "POST", body: form });
      job = await answer.json();
      if (!answer.ok) throw new Error(job.error || String(answer.status));
    } catch (err) {
      say("上传失败: " + err.message);
      finish();
      return;
    }
    say("");
    $("progress").hidden = false;
    showStatus(job);
    polling = true;
    poll(job.id);
  }

  async function init() {
    document.documentElement.classList.add("js");
    const drop = $("drop");
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", dropped);
    $("pick-files").addEventListener("change", picked);
    $("pick-folder").addEventListener("change", picked);
    $("start").addEventListener("click", start);
    $("clear").addEventListener("click", () => { chosen = []; showChosen(); });
    try {
      options = await (await fetch("/api/options")).json();
      fill($("ruleset"), options.rulesets);
      fill($("region"), options.regions);
      $("limits").textContent = `每次最多 ${options.max_files} 个文件,共 ${megabytes(options.max_bytes)} MB;压缩包不会解压`;
    } catch (err) {
      say("无法连接服务器");
    }
    document.body.dataset.ready = "1";
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
