/**
 * What each emulated Apps Script member needs, as the reference's "Authorization" section lists
 * it: the OAuth scopes (any one of them suffices), and in which authorisation mode it may run.
 * The runtime's gate (execution.ts) checks every call against this table, the manifest it loaded
 * and the execution's mode; a member that is not here fails loudly. docs/scopes.md is generated
 * from this file (scripts/make-scope-table.ts) and a test keeps it current.
 *
 * Access, after https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle and
 * https://developers.google.com/apps-script/guides/triggers#restrictions:
 * - 'anonymous': needs no authorisation; runs in every mode, AuthMode.NONE included (building the
 *   add-on menu, Utilities, Logger, HtmlService, the user's locale and the script's time zone).
 * - 'limited': also runs in AuthMode.LIMITED, the mode of simple triggers: the bound spreadsheet
 *   ("they can modify the file they are bound to"), PropertiesService, CacheService, LockService,
 *   and Session.getActiveUser (whose e-mail may then be empty; see session.ts).
 * - 'full': AuthMode.FULL only: everything else (other files, Drive, Docs, DocumentApp, dialogs
 *   and sidebars).
 *
 * Where the reference is silent (builders, User, Blob), the member is taken to need nothing and
 * is marked as an assumption in docs/scopes.md.
 */

export const SCOPES = {
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  documentsCurrentOnly: 'https://www.googleapis.com/auth/documents.currentonly',
  documents: 'https://www.googleapis.com/auth/documents',
  documentsReadonly: 'https://www.googleapis.com/auth/documents.readonly',
  drive: 'https://www.googleapis.com/auth/drive',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  driveReadonly: 'https://www.googleapis.com/auth/drive.readonly',
  driveAppdata: 'https://www.googleapis.com/auth/drive.appdata',
  driveMetadata: 'https://www.googleapis.com/auth/drive.metadata',
  driveMetadataReadonly: 'https://www.googleapis.com/auth/drive.metadata.readonly',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  userinfoEmail: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

export type Access = 'anonymous' | 'limited' | 'full';

export interface ClassScopes {
  /** The class's reference page, relative to its service's reference root. */
  page: string;
  /** Any one of these scopes lets a member run (empty: none needed). */
  scopes: readonly string[];
  access: Access;
  /** Every member the emulation implements. */
  members: readonly string[];
  /** Members whose scopes or access differ from the class's. */
  own?: Record<string, { scopes?: readonly string[]; access?: Access }>;
}

export interface ServiceScopes {
  /** The global the bundle sees (`SpreadsheetApp`, `Drive`, …), as the CallLog names it. */
  service: string;
  reference: string;
  /** Advanced services call a Google REST API; their errors are GoogleJsonResponseExceptions. */
  kind: 'builtin' | 'advanced';
  classes: Record<string, ClassScopes>;
}

const SHEETS = [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets];
const DOCS = [SCOPES.documentsCurrentOnly, SCOPES.documents];
/** Drive v3 methods list their scopes per method (see each method's "Authorization scopes"). */
const DRIVE_READ = [
  SCOPES.drive,
  SCOPES.driveAppdata,
  SCOPES.driveFile,
  SCOPES.driveMetadata,
  SCOPES.driveMetadataReadonly,
  SCOPES.driveReadonly,
];
const DRIVE_WRITE = [SCOPES.drive, SCOPES.driveAppdata, SCOPES.driveFile];

/** A list of member names written as words. */
function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w !== '');
}

/** Members every DocumentApp element has. */
const ELEMENT = words(`
  asBody asFooterSection asHeaderSection asHorizontalRule asInlineImage asListItem
  asPageBreak asParagraph asTable asTableCell asTableRow asText copy getAttributes
  getNextSibling getParent getPreviousSibling getType isAtDocumentEnd removeFromParent
  setAttributes
`);

/** Members of every container of paragraphs: Body, HeaderSection, FooterSection, TableCell. */
const CONTAINER = [
  ...ELEMENT,
  ...words(`
  appendHorizontalRule appendImage appendListItem appendParagraph appendTable clear editAsText
  findElement findText getChild getChildIndex getImages getListItems getNumChildren
  getParagraphs getTables getText insertHorizontalRule insertImage insertListItem
  insertParagraph insertTable removeChild replaceText setText
`),
];

/** Members of Paragraph and ListItem. */
const PARAGRAPH = [
  ...ELEMENT,
  ...words(`
  appendHorizontalRule appendInlineImage appendPageBreak appendText clear editAsText
  findElement findText getAlignment getChild getChildIndex getHeading getIndentEnd
  getIndentFirstLine getIndentStart getLineSpacing getLinkUrl getNumChildren getSpacingAfter
  getSpacingBefore getText insertHorizontalRule insertInlineImage insertPageBreak insertText
  isLeftToRight merge removeChild replaceText setAlignment setHeading setIndentEnd
  setIndentFirstLine setIndentStart setLineSpacing setLinkUrl setSpacingAfter setSpacingBefore
  setText
`),
];

export const SCOPE_TABLE: readonly ServiceScopes[] = [
  {
    service: 'SpreadsheetApp',
    reference: 'https://developers.google.com/apps-script/reference/spreadsheet/',
    kind: 'builtin',
    classes: {
      SpreadsheetApp: {
        page: 'spreadsheet-app',
        scopes: SHEETS,
        access: 'limited',
        members: words(`
           flush getActive getActiveRange getActiveSheet getActiveSpreadsheet getUi
           newDataValidation newRichTextValue openById openByUrl setActiveRange setActiveSheet
         `),
        own: {
          getUi: { scopes: [], access: 'anonymous' },
          newDataValidation: { scopes: [], access: 'anonymous' },
          newRichTextValue: { scopes: [], access: 'anonymous' },
          openById: { scopes: [SCOPES.spreadsheets], access: 'full' },
          openByUrl: { scopes: [SCOPES.spreadsheets], access: 'full' },
        },
      },
      Spreadsheet: {
        page: 'spreadsheet',
        scopes: SHEETS,
        access: 'limited',
        members: words(`
           appendRow deleteSheet getActiveRange getActiveSheet getDataRange getId getLastColumn
           getLastRow getName getNumSheets getProtections getRange getRangeByName getSheetById
           getSheetByName getSheets getSpreadsheetLocale getSpreadsheetTimeZone getUrl insertSheet
           moveActiveSheet rename setActiveRange setActiveSelection setActiveSheet
           setSpreadsheetLocale setSpreadsheetTimeZone toast getEditors
         `),
      },
      Sheet: {
        page: 'sheet',
        scopes: SHEETS,
        access: 'limited',
        members: words(`
           activate appendRow autoResizeColumns clear clearContents clearFormats copyTo deleteColumns
           deleteRow deleteRows getActiveRange getColumnWidth getDataRange getFrozenColumns
           getFrozenRows getIndex getLastColumn getLastRow getMaxColumns getMaxRows getName
           getParent getProtections getRange getSheetId getSheetName getSheetValues getTabColor
           hideColumns hideSheet insertColumnAfter insertColumnBefore insertColumnsAfter
           insertColumnsBefore insertRowAfter insertRowBefore insertRowsAfter insertRowsBefore
           isColumnHiddenByUser isSheetHidden protect setActiveRange setActiveSelection
           setColumnWidth setColumnWidths setFrozenColumns setFrozenRows setName setTabColor
           showColumns showSheet
         `),
      },
      Range: {
        page: 'range',
        scopes: SHEETS,
        access: 'limited',
        members: words(`
           activate canEdit clear clearContent clearDataValidations clearFormat clearNote copyTo
           getA1Notation getBackground getBackgrounds getCell getColumn getDataValidation
           getDataValidations getDisplayValue getDisplayValues getFontColor getFontFamily
           getFontSize getFontStyle getFontWeight getFontWeights getFormula getFormulas getGridId
           getHeight getHorizontalAlignment getHorizontalAlignments getLastColumn getLastRow getMergedRanges getNextDataCell
           getNote getNotes getNumColumns getNumRows getNumberFormat getNumberFormats
           getRichTextValue getRichTextValues getRow getRowIndex getSheet getValue getValues
           getVerticalAlignment getVerticalAlignments getWidth getWrap getWrapStrategies
           getWrapStrategy getWraps insertCheckboxes isBlank isChecked offset protect
           removeCheckboxes setBackground setBackgroundRGB setBackgrounds setBorder
           setDataValidation setDataValidations setFontColor setFontFamily setFontSize setFontStyle
           setFontWeight setFontWeights setFormula setFormulas setHorizontalAlignment
           setHorizontalAlignments setNote setNotes setNumberFormat setNumberFormats
           setRichTextValue setRichTextValues setValue setValues setVerticalAlignment
           setVerticalAlignments setWrap setWrapStrategies setWrapStrategy setWraps uncheck
         `),
      },
      Protection: {
        page: 'protection',
        scopes: SHEETS,
        access: 'limited',
        members: words(`
           addEditor addEditors canDomainEdit canEdit getDescription getEditors getProtectionType
           getRange getRangeName getUnprotectedRanges isWarningOnly remove removeEditor
           removeEditors setDescription setDomainEdit setRange setUnprotectedRanges setWarningOnly
         `),
      },
      DataValidation: {
        page: 'data-validation',
        scopes: SHEETS,
        access: 'limited',
        members: words(`
           copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText
         `),
      },
      RichTextValue: {
        page: 'rich-text-value',
        scopes: SHEETS,
        access: 'limited',
        members: words(`
           copy getEndIndex getLinkUrl getRuns getStartIndex getText
         `),
      },
      DataValidationBuilder: {
        page: 'data-validation-builder',
        scopes: [],
        access: 'anonymous',
        members: words(`
           build copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText requireCheckbox
           requireDate requireDateAfter requireDateBefore requireDateBetween requireDateEqualTo
           requireDateNotBetween requireDateOnOrAfter requireDateOnOrBefore requireFormulaSatisfied
           requireNumberBetween requireNumberEqualTo requireNumberGreaterThan
           requireNumberGreaterThanOrEqualTo requireNumberLessThan requireNumberLessThanOrEqualTo
           requireNumberNotBetween requireNumberNotEqualTo requireTextContains
           requireTextDoesNotContain requireTextEqualTo requireTextIsEmail requireTextIsUrl
           requireValueInList requireValueInRange setAllowInvalid setHelpText withCriteria
         `),
      },
      RichTextValueBuilder: {
        page: 'rich-text-value-builder',
        scopes: [],
        access: 'anonymous',
        members: words(`
           build setLinkUrl setText setTextStyle
         `),
      },
    },
  },
  {
    service: 'Ui',
    reference: 'https://developers.google.com/apps-script/reference/base/',
    kind: 'builtin',
    classes: {
      Ui: {
        page: 'ui',
        scopes: [SCOPES.containerUi],
        access: 'full',
        members: words(`
           alert createAddonMenu createMenu prompt showModalDialog showModelessDialog showSidebar
         `),
        own: {
          createAddonMenu: { scopes: [], access: 'anonymous' },
          createMenu: { scopes: [], access: 'anonymous' },
        },
      },
      Menu: {
        page: 'menu',
        scopes: [],
        access: 'anonymous',
        members: words(`
           addItem addSeparator addSubMenu addToUi
         `),
      },
      PromptResponse: {
        page: 'prompt-response',
        scopes: [],
        access: 'anonymous',
        members: words(`
           getResponseText getSelectedButton
         `),
      },
    },
  },
  {
    service: 'HtmlService',
    reference: 'https://developers.google.com/apps-script/reference/html/',
    kind: 'builtin',
    classes: {
      HtmlService: {
        page: 'html-service',
        scopes: [],
        access: 'anonymous',
        members: words(`
           createHtmlOutput createHtmlOutputFromFile createTemplate createTemplateFromFile
           getUserAgent
         `),
      },
      HtmlOutput: {
        page: 'html-output',
        scopes: [],
        access: 'anonymous',
        members: words(`
           addMetaTag append appendUntrusted asTemplate clear getAs getBlob getContent
           getFaviconUrl getHeight getTitle getWidth setContent setFaviconUrl setHeight
           setSandboxMode setTitle setWidth setXFrameOptionsMode
         `),
      },
      HtmlTemplate: {
        page: 'html-template',
        scopes: [],
        access: 'anonymous',
        members: words(`
           evaluate getCode getCodeWithComments getRawContent
         `),
      },
    },
  },
  {
    service: 'PropertiesService',
    reference: 'https://developers.google.com/apps-script/reference/properties/',
    kind: 'builtin',
    classes: {
      PropertiesService: {
        page: 'properties-service',
        scopes: [],
        access: 'limited',
        members: words(`
           getDocumentProperties getScriptProperties getUserProperties
         `),
      },
      ...Object.fromEntries(
        ['DocumentProperties', 'UserProperties', 'ScriptProperties'].map((name) => [
          name,
          {
            page: 'properties',
            scopes: [],
            access: 'limited' as const,
            members: words(`
               deleteAllProperties deleteProperty getKeys getProperties getProperty setProperties
               setProperty
             `),
          },
        ]),
      ),
    },
  },
  {
    service: 'CacheService',
    reference: 'https://developers.google.com/apps-script/reference/cache/',
    kind: 'builtin',
    classes: {
      CacheService: {
        page: 'cache-service',
        scopes: [],
        access: 'limited',
        members: words(`
           getDocumentCache getScriptCache getUserCache
         `),
      },
      Cache: {
        page: 'cache',
        scopes: [],
        access: 'limited',
        members: words(`
           get getAll put putAll remove removeAll
         `),
      },
    },
  },
  {
    service: 'LockService',
    reference: 'https://developers.google.com/apps-script/reference/lock/',
    kind: 'builtin',
    classes: {
      LockService: {
        page: 'lock-service',
        scopes: [],
        access: 'limited',
        members: words(`
           getDocumentLock getScriptLock getUserLock
         `),
      },
      Lock: {
        page: 'lock',
        scopes: [],
        access: 'limited',
        members: words(`
           hasLock releaseLock tryLock waitLock
         `),
      },
    },
  },
  {
    service: 'Session',
    reference: 'https://developers.google.com/apps-script/reference/base/',
    kind: 'builtin',
    classes: {
      Session: {
        page: 'session',
        scopes: [],
        access: 'anonymous',
        members: words(`
           getActiveUser getActiveUserLocale getEffectiveUser getScriptTimeZone
           getTemporaryActiveUserKey
         `),
        own: {
          getActiveUser: { scopes: [SCOPES.userinfoEmail], access: 'limited' },
          getEffectiveUser: { scopes: [SCOPES.userinfoEmail], access: 'limited' },
        },
      },
      User: { page: 'user', scopes: [], access: 'anonymous', members: ['getEmail', 'toString'] },
    },
  },
  {
    service: 'ScriptApp',
    reference: 'https://developers.google.com/apps-script/reference/script/',
    kind: 'builtin',
    classes: {
      ScriptApp: {
        page: 'script-app',
        scopes: [],
        access: 'anonymous',
        members: words(`
           getAuthorizationInfo getInstallationSource getOAuthToken getProjectTriggers getScriptId
         `),
        own: { getProjectTriggers: { scopes: [SCOPES.scriptApp], access: 'full' } },
      },
      AuthorizationInfo: {
        page: 'authorization-info',
        scopes: [],
        access: 'anonymous',
        members: words(`
           getAuthorizationStatus getAuthorizationUrl
         `),
      },
    },
  },
  {
    service: 'Logger',
    reference: 'https://developers.google.com/apps-script/reference/base/',
    kind: 'builtin',
    classes: {
      Logger: {
        page: 'logger',
        scopes: [],
        access: 'anonymous',
        members: words(`
           clear getLog log
         `),
      },
    },
  },
  {
    service: 'Utilities',
    reference: 'https://developers.google.com/apps-script/reference/utilities/',
    kind: 'builtin',
    classes: {
      Utilities: {
        page: 'utilities',
        scopes: [],
        access: 'anonymous',
        members: words(`
           base64Decode base64DecodeWebSafe base64Encode base64EncodeWebSafe computeDigest
           computeHmacSha256Signature computeHmacSignature formatDate formatString getUuid newBlob
           parseCsv sleep
         `),
      },
    },
  },
  {
    service: 'Blob',
    reference: 'https://developers.google.com/apps-script/reference/base/',
    kind: 'builtin',
    classes: {
      Blob: {
        page: 'blob',
        scopes: [],
        access: 'anonymous',
        members: words(`
           copyBlob getAs getBlob getBytes getContentType getDataAsString getName isGoogleType
           setBytes setContentType setContentTypeFromExtension setDataFromString setName
         `),
      },
    },
  },
  {
    service: 'DocumentApp',
    reference: 'https://developers.google.com/apps-script/reference/document/',
    kind: 'builtin',
    classes: {
      DocumentApp: {
        page: 'document-app',
        scopes: DOCS,
        access: 'full',
        members: words(`
           create getActiveDocument getUi openById openByUrl
         `),
        own: {
          create: { scopes: [SCOPES.documents] },
          openById: { scopes: [SCOPES.documents] },
          openByUrl: { scopes: [SCOPES.documents] },
          getUi: { scopes: [], access: 'anonymous' },
        },
      },
      Document: {
        page: 'document',
        scopes: DOCS,
        access: 'full',
        members: words(`
           addFooter addHeader getAs getBlob getBody getCursor getFooter getHeader getId getName
           getSelection getUrl saveAndClose setName
         `),
      },
      Body: {
        page: 'body',
        scopes: DOCS,
        access: 'full',
        members: [
          ...CONTAINER,
          ...words(`
          appendPageBreak getMarginBottom getMarginLeft getMarginRight getMarginTop getPageHeight
          getPageWidth insertPageBreak setMarginBottom setMarginLeft setMarginRight setMarginTop
          setPageHeight setPageWidth
`),
        ],
      },
      HeaderSection: {
        page: 'header-section',
        scopes: DOCS,
        access: 'full',
        members: CONTAINER,
      },
      FooterSection: {
        page: 'footer-section',
        scopes: DOCS,
        access: 'full',
        members: CONTAINER,
      },
      Paragraph: {
        page: 'paragraph',
        scopes: DOCS,
        access: 'full',
        members: [
          ...PARAGRAPH,
          ...words(
            'addPositionedImage getPositionedImage getPositionedImages removePositionedImage',
          ),
        ],
      },
      PositionedImage: {
        page: 'positioned-image',
        scopes: DOCS,
        access: 'full',
        members: words(`
          getAs getBlob getHeight getId getLayout getLeftOffset getParagraph getTopOffset getWidth
          setHeight setLayout setLeftOffset setTopOffset setWidth
        `),
      },
      ListItem: {
        page: 'list-item',
        scopes: DOCS,
        access: 'full',
        members: [
          ...PARAGRAPH,
          ...words(`
          getGlyphType getListId getNestingLevel setGlyphType setListId setNestingLevel
`),
        ],
      },
      Text: {
        page: 'text',
        scopes: DOCS,
        access: 'full',
        members: [
          ...ELEMENT,
          ...words(`
           appendText deleteText editAsText findText getBackgroundColor getFontFamily getFontSize
           getForegroundColor getLinkUrl getText getTextAttributeIndices insertText isBold isItalic
           isStrikethrough isUnderline merge replaceText setBackgroundColor setBold setFontFamily
           setFontSize setForegroundColor setItalic setLinkUrl setStrikethrough setText
           setUnderline
         `),
        ],
      },
      Table: {
        page: 'table',
        scopes: DOCS,
        access: 'full',
        members: [
          ...ELEMENT,
          ...words(`
           appendTableRow clear editAsText findElement findText getBorderColor getBorderWidth
           getCell getChild getChildIndex getColumnWidth getNumChildren getNumRows getRow getText
           insertTableRow removeChild removeRow replaceText setBorderColor setBorderWidth
           setColumnWidth
         `),
        ],
      },
      TableRow: {
        page: 'table-row',
        scopes: DOCS,
        access: 'full',
        members: [
          ...ELEMENT,
          ...words(`
           appendTableCell clear editAsText findElement findText getCell getChild getChildIndex
           getMinimumHeight getNumCells getNumChildren getParentTable getText insertTableCell
           removeCell removeChild replaceText setMinimumHeight
         `),
        ],
      },
      TableCell: {
        page: 'table-cell',
        scopes: DOCS,
        access: 'full',
        members: [
          ...CONTAINER,
          ...words(`
          getBackgroundColor getColSpan getPaddingBottom getPaddingLeft getPaddingRight getPaddingTop
          getParentRow getParentTable getRowSpan getVerticalAlignment getWidth setBackgroundColor
          setPaddingBottom setPaddingLeft setPaddingRight setPaddingTop setVerticalAlignment setWidth
`),
        ],
      },
      InlineImage: {
        page: 'inline-image',
        scopes: DOCS,
        access: 'full',
        members: [
          ...ELEMENT,
          ...words(`
           getAltDescription getAltTitle getAs getBlob getHeight getLinkUrl getWidth
           setAltDescription setAltTitle setHeight setLinkUrl setWidth
         `),
        ],
      },
      PageBreak: {
        page: 'page-break',
        scopes: DOCS,
        access: 'full',
        members: ELEMENT,
      },
      HorizontalRule: {
        page: 'horizontal-rule',
        scopes: DOCS,
        access: 'full',
        members: ELEMENT,
      },
      UnsupportedElement: {
        page: 'unsupported-element',
        scopes: DOCS,
        access: 'full',
        members: ELEMENT,
      },
      RangeElement: {
        page: 'range-element',
        scopes: DOCS,
        access: 'full',
        members: words(`
           getElement getEndOffsetInclusive getStartOffset isPartial
         `),
      },
    },
  },
  {
    service: 'Drive',
    reference: 'https://developers.google.com/workspace/drive/api/reference/rest/v3/',
    kind: 'advanced',
    classes: {
      Drive: {
        page: 'files',
        scopes: [],
        access: 'anonymous',
        members: words(`
           newComment newFile newPermission
         `),
      },
      Files: {
        page: 'files',
        scopes: DRIVE_READ,
        access: 'full',
        members: words(`
           copy create emptyTrash export get list remove update
         `),
        own: {
          copy: { scopes: DRIVE_WRITE },
          create: { scopes: DRIVE_WRITE },
          emptyTrash: { scopes: [SCOPES.drive] },
          export: { scopes: [SCOPES.drive, SCOPES.driveFile, SCOPES.driveReadonly] },
          remove: { scopes: DRIVE_WRITE },
          update: { scopes: [...DRIVE_WRITE, SCOPES.driveMetadata] },
        },
      },
      Permissions: {
        page: 'permissions',
        scopes: [SCOPES.drive, SCOPES.driveFile],
        access: 'full',
        members: words(`
           create get list remove
         `),
        own: {
          get: { scopes: DRIVE_READ },
          list: { scopes: DRIVE_READ },
        },
      },
      Comments: {
        page: 'comments',
        scopes: [SCOPES.drive, SCOPES.driveFile, SCOPES.driveReadonly],
        access: 'full',
        members: words(`
           get list
         `),
      },
      Revisions: {
        page: 'revisions',
        scopes: DRIVE_READ,
        access: 'full',
        members: words(`
           get list
         `),
      },
    },
  },
  {
    service: 'Docs',
    reference: 'https://developers.google.com/workspace/docs/api/reference/rest/v1/',
    kind: 'advanced',
    classes: {
      Documents: {
        page: 'documents',
        scopes: [SCOPES.documents, SCOPES.drive, SCOPES.driveFile],
        access: 'full',
        members: words(`
           batchUpdate get
         `),
        own: {
          get: {
            scopes: [
              SCOPES.documents,
              SCOPES.documentsReadonly,
              SCOPES.drive,
              SCOPES.driveFile,
              SCOPES.driveReadonly,
            ],
          },
        },
      },
    },
  },
];

export interface MemberScopes {
  service: ServiceScopes;
  className: string;
  member: string;
  scopes: readonly string[];
  access: Access;
  /** How Apps Script names the member in its errors: `Session.getActiveUser`, `Drive.Files.create`. */
  name: string;
  /** The reference page of the member's class. */
  url: string;
}

const byKey = new Map<string, MemberScopes>();
for (const service of SCOPE_TABLE) {
  for (const [className, c] of Object.entries(service.classes)) {
    for (const member of c.members) {
      const own = c.own?.[member];
      byKey.set(`${service.service} ${className}.${member}`, {
        service,
        className,
        member,
        scopes: own?.scopes ?? c.scopes,
        access: own?.access ?? c.access,
        name:
          service.kind === 'advanced'
            ? `${service.service}.${className === service.service ? '' : `${className}.`}${member}`
            : `${className}.${member}`,
        url: `${service.reference}${c.page}`,
      });
    }
  }
}

/** The entry for `Service Class.member` (`'Drive', 'Files.create'`), or undefined. */
export function memberScopes(service: string, member: string): MemberScopes | undefined {
  return byKey.get(`${service} ${member}`);
}

/** Every entry, in table order. */
export function allMemberScopes(): MemberScopes[] {
  return [...byKey.values()];
}
