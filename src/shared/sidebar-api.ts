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
  /** `check`: the warnings the memo was made with (the command line prints them). */
  | { status: 'done'; links: GeneratedLinks; check: CheckResult }
  | { status: 'blocked'; check: CheckResult }
  | { status: 'confirm'; check: CheckResult }
  /** A refill would write over paragraphs edited by hand in the Doc (their text now): ask first. */
  | { status: 'edited'; message: string; edited: string[] }
  | { status: 'failed'; message: string };

/** One open comment on the current memo, as the sidebar shows it. */
export interface CommentView {
  id: string;
  author: string;
  /** The text of the memo it is anchored to ('' for a comment on the whole Doc). */
  quoted: string;
  content: string;
  replies: { author: string; content: string }[];
  /** Opens the Doc at the comment. */
  link: string;
  /** The cell of the sheet holding the value the comment is about, when one does. */
  cell?: { sheet: string; cell: string };
}

/** The current memo in the review loop. */
export interface ReviewState {
  memo: {
    docUrl: string;
    /** Who generated it (whose add-on may read its comments). */
    by: string;
    /** Thai: ร่าง, ส่งขอความเห็นแล้ว, มีความเห็นค้าง N, แก้ครบแล้ว, อนุมัติแล้ว, เผยแพร่แล้ว. */
    status: string;
    /** The published PDF's stable link, once published. */
    publishedUrl?: string;
  } | null;
  /** Open comments, in the order they were made. */
  comments: CommentView[];
  resolved: number;
  /** Why the comments could not be read (Thai), when they could not. */
  unreadable?: string;
  /** Reviewers' suggestions not yet accepted or rejected in the Doc, when it could be read. */
  suggestions?: number;
}

/** The outcome of a review step (send, approve, publish) in Thai. */
export type StepResult =
  | { status: 'done'; message: string }
  | { status: 'confirm'; message: string }
  | { status: 'failed'; message: string };

/** The published PDF: the same Drive file every time, one revision per publication. */
export interface Published {
  id: string;
  url: string;
  /** How many revisions the file has now (1 after the first publication). */
  revision: number;
  public: boolean;
}

export type PublishResult =
  | ({ status: 'done'; message: string } & Published)
  | { status: 'confirm'; message: string }
  | { status: 'failed'; message: string };

/** The server functions the sidebar calls (top-level functions of build/Code.js). */
export interface SidebarServer {
  sidebarState(): SidebarState;
  sidebarCheck(): CheckResult;
  sidebarSelect(sheet: string, cell: string): void;
  sidebarGenerate(confirmed: boolean): GenerateResult;
  /** The Garuda file's bytes as Base64 and its name (for messages). */
  sidebarSaveGaruda(base64: string, name: string): GarudaUploadResult;
  sidebarReview(): ReviewState;
}
