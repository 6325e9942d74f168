export { loadFontSet, createMetrics, type FontSet } from './fontSet';
export { buildMetricsPack, metricsPack } from './metricsPack';
export { npmFontPath, extraFontPath, prefetchFaces } from './fontFiles';
export { charAdvance, hmtxAdvance, isDashRun, placeGlyphs, textAdvance, type PlacedGlyph } from './glyphAdvance';
