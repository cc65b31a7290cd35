/**
 * Docs API v1 requests that @types/google-apps-script 2.0 does not list yet but the API has:
 * PinTableHeaderRowsRequest (https://developers.google.com/docs/api/reference/rest/v1/documents/request#pintableheaderrowsrequest).
 */
export interface PinTableHeaderRowsRequest {
  tableStartLocation?: { index?: number; segmentId?: string };
  pinnedHeaderRowsCount?: number;
}

export type DocsRequest = GoogleAppsScript.Docs.Schema.Request & {
  pinTableHeaderRows?: PinTableHeaderRowsRequest;
};
