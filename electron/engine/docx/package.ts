// Edits to parts of a packed .docx (a zip of XML parts) that docx's options cannot express.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export type PartPatch = (xml: string) => string;

/** The package with each named XML part rewritten; parts and their order are otherwise kept. */
export function patchPackage(docx: Uint8Array, patches: Record<string, PartPatch>): Buffer {
  const parts = unzipSync(docx);
  const out: Zippable = {};
  for (const [name, bytes] of Object.entries(parts)) {
    const patch = patches[name];
    out[name] = patch ? strToU8(patch(strFromU8(bytes))) : bytes;
  }
  return Buffer.from(zipSync(out, { level: 6 }));
}
