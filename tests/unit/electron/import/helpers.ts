// Shared helpers for the import tests.
import { resolve } from 'node:path';
import type { Block } from '../../../../shared/content/blocks';
import { runsText } from '../../../../shared/content/blocks';
import { toBlocks } from '../../../../shared/content/walker';
import type { ImportedClipping } from '../../../../electron/engine/import/index';
import { countBlocks } from '../../../../electron/engine/import/report';

export const IMPORT_FIXTURES = resolve(__dirname, '../../../fixtures/import');

export function fixture(...parts: string[]): string {
  return resolve(IMPORT_FIXTURES, ...parts);
}

export function blocksOf(c: ImportedClipping): Block[] {
  return toBlocks(c.content);
}

export function countsOf(c: ImportedClipping): ReturnType<typeof countBlocks> {
  return countBlocks(blocksOf(c));
}

/** Text of every paragraph/heading/quote block, in order. */
export function textBlocks(c: ImportedClipping): string[] {
  return blocksOf(c).flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' || b.kind === 'quote' ? [runsText(b.runs)] : []));
}

export function figures(c: ImportedClipping): Array<Extract<Block, { kind: 'figure' }>> {
  return blocksOf(c).flatMap((b) => (b.kind === 'figure' ? [b] : []));
}

/** Imports a file once per test file (imports are deterministic; the tests only read the result). */
export function importedOnce(importer: () => Promise<ImportedClipping>): () => Promise<ImportedClipping> {
  let pending: Promise<ImportedClipping> | null = null;
  return () => (pending ??= importer());
}
