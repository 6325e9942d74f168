export { createService, exportFileName, type ServiceOptions } from './service';
export { createDispatch, type Dispatch, type DispatchResult } from './dispatch';
export { createMemoryStore } from './memoryStore';
export type { IssueStore, AlreadyRanQuery } from './store';
export type { Engines, ImportedClipping, RenderedPdf } from './engines';
