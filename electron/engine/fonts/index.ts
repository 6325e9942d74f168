export { loadFontSet, createMetrics, type FontSet } from './fontSet';
export { npmFontPath, extraFontPath } from './fontFiles';
