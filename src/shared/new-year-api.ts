/**
 * What "เริ่มปีงบประมาณใหม่" and its undo answer, to the menu callbacks and to the command line
 * (plain JSON, like the sidebar's calls). Every message is Thai, for staff.
 */
export type YearStepAnswer =
  /** Nothing was changed: the message says why and what to do. */
  | { status: 'refused'; message: string }
  /** Asks first: the message says exactly what will be done to which tabs and rows. */
  | { status: 'confirm'; fiscalYear: number; message: string }
  /** Done: the fiscal year the sheet is now in, and where the earlier year's data is. */
  | { status: 'done'; fiscalYear: number; message: string }
  /** Something failed midway: the message says what state the sheet is in. */
  | { status: 'failed'; message: string };
