/**
 * The local runtime's document renderers: what the emulated Document.getAs('application/pdf')
 * and the DOCX export return. Node only; never part of the Apps Script bundle.
 */
export { renderPdf } from './pdf';
export { renderDocx } from './docx';
