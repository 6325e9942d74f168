// The layout engine: pure CJK typesetting and pagination into a page model.
export type { Atom, StyledRun } from './atoms';
export { buildAtoms } from './atoms';
export type { BreakOptions, Line, PlacedAtom } from './lineBreaker';
export { breakLines } from './lineBreaker';
export { lineItems } from './lineItems';
export { Typesetter } from './typesetter';
export { paginate, type Frame, type Paginated, type Slice } from './paginate';
export { pageStyle, textLeft, type BodyFont, type PageOptions, type PageSizeName, type PageStyle } from './pageStyle';
export { layoutIssue, prepareArticle, prepareViewpointLines, type IssueLayout, type IssueLayoutOptions, type MissingGlyphs } from './issueLayout';
export * from './types';
export * from './charClasses';
