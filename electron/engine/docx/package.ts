// Parts of a packed .docx (a zip of XML parts) that docx's options cannot express, written once per process and
// given to Packer as overrides, so the package is zipped once.
import { Document, Packer, type IStylesOptions } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { patchStylesXml } from './styles';

/** The text of one part of a packed .docx, such as word/styles.xml: that part alone is unzipped. */
export function packagePart(docx: Uint8Array, name: string): string {
  const part = unzipSync(docx, { filter: (file) => file.name === name })[name];
  if (!part) throw new Error(`no ${name} in the package`);
  return strFromU8(part);
}

export interface PartOverride {
  path: string;
  data: string;
}

const stylesParts = new Map<string, Promise<PartOverride>>();
const STYLES_LIMIT = 20;

/**
 * word/styles.xml of these styles with our paragraph defaults (patchStylesXml), by `key` (what the styles are made
 * from): docx writes styles.xml from the styles alone, so it is packed once from a document of nothing else.
 */
export function stylesOverride(styles: IStylesOptions, key: string): Promise<PartOverride> {
  let part = stylesParts.get(key);
  if (!part) {
    part = Packer.toBuffer(new Document({ styles, sections: [{ children: [] }] })).then((docx) => ({
      path: 'word/styles.xml',
      data: patchStylesXml(packagePart(docx, 'word/styles.xml')),
    }));
    if (stylesParts.size >= STYLES_LIMIT) stylesParts.delete(stylesParts.keys().next().value!);
    stylesParts.set(key, part);
    part.catch(() => stylesParts.delete(key));
  }
  return part;
}
