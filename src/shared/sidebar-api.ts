/**
 * What the sidebar and the server exchange through google.script.run. Plain JSON only:
 * google.script.run cannot carry Dates, functions or DOM nodes.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface FindingView {
  severity: Severity;
  sheet: string;
  cell: string;
  rule: string;
  message: string;
}

export interface SidebarState {
  /** ชื่อหน่วยงาน as typed, or '' when the tab or label is missing. */
  office: string;
  fiscalYear: string;
  /** The last generated memo, if any. */
  last?: GeneratedLinks;
  /** The office's Garuda (kept with the spreadsheet, the same for every editor). */
  garuda?: GarudaStatus;
}

export type GarudaStatus =
  | { present: false }
  | {
      present: true;
      width: number;
      height: number;
      kilobytes: number;
      /** Who uploaded it ('' when Google did not reveal the e-mail). */
      by: string;
      /** ISO time of the upload. */
      at: string;
    };

export type GarudaUploadResult =
  { ok: true; status: GarudaStatus } | { ok: false; message: string };

export interface CheckResult {
  findings: FindingView[];
  errors: number;
  warnings: number;
}

/** Who the memo was shared with, and who could not be shared with and why (Thai). */
export interface SharingReport {
  shared: string[];
  failed: { email: string; reason: string }[];
}

export interface GeneratedLinks {
  docUrl: string;
  pdfUrl: string;
  pdfName: string;
  /** ISO time of the run. */
  at: string;
  /** Absent in runs recorded before sharing was reported. */
  sharing?: SharingReport;
  /** What went only partly well, in Thai (the layout, the folder). */
  notes?: string[];
}

export type GenerateResult =
  | { status: 'done'; links: GeneratedLinks; warnings: number }
  | { status: 'blocked'; check: CheckResult }
  | { status: 'confirm'; check: CheckResult }
  | { status: 'failed'; message: string };

/** The server functions the sidebar calls (top-level functions of build/Code.js). */
export interface SidebarServer {
  sidebarState(): SidebarState;
  sidebarCheck(): CheckResult;
  sidebarSelect(sheet: string, cell: string): void;
  sidebarGenerate(confirmed: boolean): GenerateResult;
  /** The Garuda file's bytes as Base64 and its name (for messages). */
  sidebarSaveGaruda(base64: string, name: string): GarudaUploadResult;
}
