// electron-vite's `?modulePath` imports: the file is built as its own entry and the import
// yields its path (used for the engine's utilityProcess entry).
declare module '*?modulePath' {
  const path: string;
  export default path;
}
