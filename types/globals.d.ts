/* The globals the browser scripts share, for `tsc --checkJs` (tsconfig.json). Each script is a
   plain <script> (no modules, so that pages also work from file://): the stores and cores put
   themselves on `window`, the build writes the assessment's model there
   (macros/site/assessment.py, model_script), and Node's unit tests load the same files with
   require(), which the UMD wrappers detect with `typeof module`. The shapes of what they
   exchange are in assessment.d.ts, data-layer.d.ts, worksheet.d.ts and workspace.d.ts. */

interface Window {
  AssessmentCore?: AssessmentCoreModule;
  AssessmentData?: AssessmentDataModule;
  ASSESSMENT_MODEL?: AssessmentModel;
  DataLayer?: DataLayerModule;
  DataLayerView?: DataLayerViewModule;
  ScoringCore?: ScoringCoreModule;
  qrcode?: QRCodeFactory;
  WorksheetCore?: WorksheetCoreModule;
  WorksheetOffice?: WorksheetOfficeModule;
  PrintValues?: { refresh(): void };
  Workspaces?: WorkspacesModule;
}

/* CommonJS, only when Node's tests require() a file. */
declare var module: { exports: unknown } | undefined;
declare var require: ((id: string) => unknown) | undefined;
