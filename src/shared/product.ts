/**
 * The add-on's name: the title of its menu (under ส่วนขยาย, Extensions) and of its dialogs.
 * Google shows an add-on menu under the add-on's listed name (the script project's title in a
 * test deployment), so the Apps Script project is created with this title too.
 */
export const ADDON_NAME = 'รายงาน ITA';
