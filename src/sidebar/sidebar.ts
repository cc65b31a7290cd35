/**
 * The sidebar page. Everything shown is built with textContent, never innerHTML: office names,
 * messages and cell values are typed by staff and must not become markup.
 */
import type {
  CheckResult,
  CommentView,
  FindingView,
  GarudaStatus,
  GenerateResult,
  GeneratedLinks,
  ReviewState,
  SidebarServer,
  SidebarState,
} from '../shared/sidebar-api';

interface Runner {
  withSuccessHandler(fn: (value: never) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  [server: string]: unknown;
}

declare const google: { script: { run: Runner } };

/** Calls a server function and resolves with its result. */
function call<K extends keyof SidebarServer>(
  name: K,
  ...args: Parameters<SidebarServer[K]>
): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler(resolve as (v: never) => void)
      .withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function byId(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

const SEVERITY_LABEL: Record<FindingView['severity'], string> = {
  error: 'ข้อผิดพลาด',
  warning: 'คำเตือน',
  info: 'ข้อสังเกต',
};
const SEVERITY_ORDER: Record<FindingView['severity'], number> = { error: 0, warning: 1, info: 2 };

function setStatus(text: string, kind: 'busy' | 'ok' | 'error' | '' = ''): void {
  const s = byId('status');
  s.textContent = text;
  s.className = `status ${kind}`;
}

function setBusy(busy: boolean): void {
  for (const b of Array.from(document.querySelectorAll('button')))
    (b as HTMLButtonElement).disabled = busy;
}

/**
 * Asks inside the sidebar's own page (a dialog of the browser would block Google's page and
 * cannot be styled or read by screen readers in Thai). Resolves with the user's answer.
 */
function confirmInPage(text: string): Promise<boolean> {
  const box = byId('confirm');
  byId('confirm-text').textContent = text;
  box.hidden = false;
  const main = ['check', 'generate'].map((id) => byId(id) as HTMLButtonElement);
  for (const b of main) b.disabled = true;
  return new Promise((resolve) => {
    const answer = (yes: boolean) => {
      box.hidden = true;
      byId('confirm-yes').onclick = null;
      byId('confirm-no').onclick = null;
      for (const b of main) b.disabled = false;
      resolve(yes);
    };
    byId('confirm-yes').onclick = () => answer(true);
    byId('confirm-no').onclick = () => answer(false);
    (byId('confirm-yes') as HTMLButtonElement).focus();
  });
}

function renderState(state: SidebarState): void {
  byId('office').textContent = state.office || 'ยังไม่ได้กรอกชื่อหน่วยงาน';
  byId('year').textContent = state.fiscalYear ? `ปีงบประมาณ พ.ศ. ${state.fiscalYear}` : '';
  if (state.last) renderLinks(state.last, 'บันทึกข้อความล่าสุด');
  if (state.garuda) renderGaruda(state.garuda);
}

function renderGaruda(status: GarudaStatus): void {
  byId('garuda-state').textContent = status.present
    ? `มีตราครุฑแล้ว (${status.width}×${status.height} พิกเซล ${status.kilobytes} KB${status.by ? ` อัปโหลดโดย ${status.by}` : ''}) ใช้กับบันทึกข้อความทุกฉบับของชีตนี้ อัปโหลดใหม่เพื่อเปลี่ยนรูป`
    : 'ยังไม่มีตราครุฑ: อัปโหลดครั้งเดียว ทุกคนที่แก้ไขชีตนี้จะใช้รูปเดียวกัน';
}

/** The largest file the server accepts (core/memo/garuda.ts); checked here first to save a trip. */
const GARUDA_MAX_BYTES = 150 * 1024;

async function uploadGaruda(file: File): Promise<void> {
  if (!/^image\/(png|jpeg)$/.test(file.type)) {
    setStatus(`ไฟล์ “${file.name}” ไม่ใช่รูป PNG หรือ JPEG กรุณาเลือกไฟล์ .png หรือ .jpg`, 'error');
    return;
  }
  if (file.size > GARUDA_MAX_BYTES) {
    setStatus(
      `ไฟล์ “${file.name}” มีขนาด ${Math.ceil(file.size / 1024)} KB ใหญ่เกิน 150 KB กรุณาย่อรูปให้สูงประมาณ ๒๐๐ พิกเซลแล้วอัปโหลดใหม่`,
      'error',
    );
    return;
  }
  setBusy(true);
  setStatus('กำลังอัปโหลดตราครุฑ…', 'busy');
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    const result = await call('sidebarSaveGaruda', btoa(binary), file.name);
    setBusy(false);
    if (result.ok) {
      renderGaruda(result.status);
      // The check again (its warning about the Garuda goes), then say it was kept.
      await check();
      setStatus('บันทึกตราครุฑแล้ว บันทึกข้อความฉบับต่อไปจะมีตราครุฑ', 'ok');
    } else setStatus(result.message, 'error');
  } catch (err) {
    showError(err as Error);
  }
}

/** Findings grouped by tab (in the order they come), errors first within each tab. */
function renderFindings(check: CheckResult): void {
  const box = byId('findings');
  box.textContent = '';
  const summary = el(
    'p',
    check.errors ? 'summary error' : check.warnings ? 'summary warning' : 'summary ok',
    check.errors || check.warnings
      ? `พบข้อผิดพลาด ${check.errors} รายการ คำเตือน ${check.warnings} รายการ`
      : 'ข้อมูลครบถ้วน ไม่พบข้อผิดพลาด',
  );
  box.appendChild(summary);
  const groups = new Map<string, FindingView[]>();
  for (const f of check.findings) {
    const list = groups.get(f.sheet) ?? [];
    list.push(f);
    groups.set(f.sheet, list);
  }
  for (const [sheet, list] of groups) {
    const section = el('section', 'group');
    section.appendChild(el('h3', undefined, sheet));
    const ul = el('ul');
    list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    for (const f of list) {
      const li = el('li', `finding ${f.severity}`);
      if (f.cell) {
        const button = el('button', 'cell-link', `${SEVERITY_LABEL[f.severity]} · ${f.cell}`);
        button.type = 'button';
        button.title = `ไปที่ ${f.sheet}!${f.cell}`;
        button.addEventListener('click', () => {
          call('sidebarSelect', f.sheet, f.cell).catch(showError);
        });
        li.appendChild(button);
      } else {
        // A missing tab: nothing to go to.
        li.appendChild(el('span', 'cell-link', SEVERITY_LABEL[f.severity]));
      }
      li.appendChild(el('span', 'message', f.message));
      ul.appendChild(li);
    }
    section.appendChild(ul);
    box.appendChild(section);
  }
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = el('a', undefined, text);
  // Only Google's own https links are shown as links; anything else stays text.
  if (/^https:\/\//.test(href)) a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function renderLinks(links: GeneratedLinks, title: string): void {
  const box = byId('result');
  box.textContent = '';
  box.appendChild(el('h3', undefined, title));
  const ul = el('ul', 'links');
  const doc = el('li');
  doc.appendChild(link(links.docUrl, 'เปิดบันทึกข้อความ (Google เอกสาร)'));
  const pdf = el('li');
  pdf.appendChild(link(links.pdfUrl, `เปิด PDF: ${links.pdfName}`));
  ul.appendChild(doc);
  ul.appendChild(pdf);
  box.appendChild(ul);
  const notes = [
    ...(links.sharing?.failed ?? []).map((f) => `แชร์ให้ ${f.email} ไม่ได้: ${f.reason}`),
    ...(links.notes ?? []),
  ];
  if (notes.length) {
    const list = el('ul', 'notes');
    for (const n of notes) list.appendChild(el('li', undefined, n));
    box.appendChild(list);
  }
}

function showError(err: Error | string): void {
  setBusy(false);
  setStatus(`เกิดข้อผิดพลาด: ${typeof err === 'string' ? err : err.message}`, 'error');
}

async function check(): Promise<void> {
  setBusy(true);
  setStatus('กำลังตรวจสอบข้อมูล…', 'busy');
  try {
    const result = await call('sidebarCheck');
    renderFindings(result);
    setStatus('');
  } catch (err) {
    showError(err as Error);
    return;
  }
  setBusy(false);
}

async function generate(confirmed: boolean): Promise<void> {
  setBusy(true);
  setStatus('กำลังสร้างบันทึกข้อความ…', 'busy');
  let result: GenerateResult;
  try {
    result = await call('sidebarGenerate', confirmed);
  } catch (err) {
    showError(err as Error);
    return;
  }
  setBusy(false);
  if (result.status === 'done') {
    setStatus('สร้างบันทึกข้อความเรียบร้อยแล้ว', 'ok');
    renderLinks(result.links, 'บันทึกข้อความที่สร้าง');
  } else if (result.status === 'blocked') {
    renderFindings(result.check);
    setStatus('ยังสร้างไม่ได้: แก้ข้อผิดพลาดด้านล่างก่อน', 'error');
  } else if (result.status === 'confirm') {
    renderFindings(result.check);
    setStatus('');
    const go = await confirmInPage(
      `ข้อมูลมีคำเตือน ${result.check.warnings} รายการ (ดูรายการด้านล่าง) ต้องการสร้างบันทึกข้อความต่อหรือไม่`,
    );
    if (go) await generate(true);
  } else {
    setStatus(`สร้างไม่สำเร็จ: ${result.message}`, 'error');
  }
}

// ---- The review loop: the current memo, its status and its open comments ---------------------

/** A button that selects a cell of the sheet. */
function cellButton(sheet: string, cell: string, label: string): HTMLButtonElement {
  const button = el('button', 'cell-link', label);
  button.type = 'button';
  button.title = `ไปที่ ${sheet}!${cell}`;
  button.addEventListener('click', () => {
    call('sidebarSelect', sheet, cell).catch(showError);
  });
  return button;
}

function renderComment(c: CommentView): HTMLLIElement {
  const li = el('li', 'comment');
  li.appendChild(el('p', 'author', c.author || 'ผู้ตรวจ'));
  if (c.quoted) li.appendChild(el('blockquote', 'quoted', c.quoted));
  li.appendChild(el('p', 'content', c.content));
  if (c.replies.length) {
    const replies = el('ul', 'replies');
    for (const r of c.replies)
      replies.appendChild(el('li', undefined, `${r.author}: ${r.content}`));
    li.appendChild(replies);
  }
  const actions = el('p', 'comment-actions');
  actions.appendChild(link(c.link, 'เปิดในเอกสาร'));
  if (c.cell)
    actions.appendChild(
      cellButton(c.cell.sheet, c.cell.cell, `แก้ที่ ${c.cell.sheet}!${c.cell.cell}`),
    );
  li.appendChild(actions);
  return li;
}

function renderReview(state: ReviewState): void {
  const box = byId('review');
  box.textContent = '';
  if (!state.memo) return;
  box.appendChild(el('h3', undefined, 'การตรวจและอนุมัติ'));
  box.appendChild(el('p', 'memo-status', `สถานะ: ${state.memo.status}`));
  const links = el('p', 'memo-links');
  links.appendChild(link(state.memo.docUrl, 'เปิดบันทึกข้อความ'));
  if (state.memo.publishedUrl) {
    links.appendChild(document.createTextNode(' · '));
    links.appendChild(link(state.memo.publishedUrl, 'PDF ที่เผยแพร่ (ลิงก์ถาวร)'));
  }
  box.appendChild(links);
  if (state.suggestions)
    box.appendChild(
      el(
        'p',
        'suggestion-count',
        `การแก้ไขที่แนะนำ (suggestion) รอยอมรับหรือปฏิเสธ ${state.suggestions} รายการ ` +
          'ต้องยอมรับหรือปฏิเสธใน Google เอกสารก่อน จึงจะอนุมัติ เผยแพร่ หรือสร้างใหม่ในเอกสารเดิมได้',
      ),
    );
  if (state.unreadable) box.appendChild(el('p', 'unreadable', state.unreadable));
  else {
    box.appendChild(
      el(
        'p',
        'comment-count',
        state.comments.length
          ? `ความเห็นค้าง ${state.comments.length} รายการ แก้แล้ว ${state.resolved} รายการ`
          : `ไม่มีความเห็นค้าง${state.resolved ? ` (แก้แล้ว ${state.resolved} รายการ)` : ''}`,
      ),
    );
    const list = el('ul', 'comments');
    for (const c of state.comments) list.appendChild(renderComment(c));
    box.appendChild(list);
  }
  const refresh = el('button', 'refresh-review', 'อัปเดตความเห็น');
  refresh.type = 'button';
  refresh.addEventListener('click', () => void review());
  box.appendChild(refresh);
}

async function review(): Promise<void> {
  try {
    renderReview(await call('sidebarReview'));
  } catch (err) {
    showError(err as Error);
  }
}

function start(): void {
  byId('check').addEventListener('click', () => void check());
  byId('generate').addEventListener('click', () => void generate(false));
  const input = byId('garuda-file') as HTMLInputElement;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void uploadGaruda(file);
  });
  call('sidebarState').then(renderState, showError);
  void check();
  void review();
}

start();
