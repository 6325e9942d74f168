// Electron's API types without its 200 MB binary: the `electron` package is an optional
// dependency whose install fails offline, so the main process and preload typecheck against
// `electron-types` (the electron.d.ts extracted from the same release line, types only).
/// <reference types="electron-types" />
export {};
