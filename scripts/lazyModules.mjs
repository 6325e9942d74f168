// An esbuild plugin for the CLI bundle (./build-cli.mjs).
/**
 * Packages that build large tables as they load, for features the engine never uses. Each stays out of the
 * bundle behind a stub of the same exports that loads the real package from node_modules on first call:
 * - brotli: fontkit's WOFF2 decoder (1.4 MB of JavaScript); the engine embeds TrueType faces;
 * - linebreak: pdfkit's text() wrapping (it unpacks a Unicode trie); the engine breaks lines itself and
 *   draws glyphs;
 * - @noble/ciphers/aes: pdfkit's encryption (it builds AES tables); the engine writes no encrypted PDF.
 */
export const LAZY_MODULES = {
  'brotli/decompress.js': "export default function decompress(...args) { return require(id)(...args); }",
  linebreak: "export default function LineBreaker(...args) { const Real = require(id); return new Real(...args); }",
  '@noble/ciphers/aes': [
    'export function cbc(...args) { return require(id).cbc(...args); }',
    'export function ecb(...args) { return require(id).ecb(...args); }',
  ].join('\n'),
};
export const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    b.onResolve({ filter: /^(brotli\/decompress(\.js)?|linebreak|@noble\/ciphers\/aes(\.js)?)$/ }, ({ path }) => ({
      path: Object.keys(LAZY_MODULES).find((id) => path === id || `${path}.js` === id || path === `${id}.js`),
      namespace: 'lazy-modules',
    }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-modules' }, ({ path }) => ({
      // a variable, so esbuild leaves the require() to run time
      contents: `const id = ${JSON.stringify(path)};\n${LAZY_MODULES[path]}\n`,
      loader: 'js',
    }));
  },
};
