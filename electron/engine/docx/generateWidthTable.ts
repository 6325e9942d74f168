// npx tsx electron/engine/docx/generateWidthTable.ts — writes widthTable.json: the width of each character that is
// not full width, in ems, in each face the runs use, as docx's own layout measures it (`probeWidths`), and
// for the faces that give every full-width character one width, that width. Run it again after updating docx.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FONTS } from './styles';
import { faceKey, probeWidths, TABLE_CHARACTERS, WIDE_SAMPLE, type WidthTable } from './widths';

const names = ['Times New Roman', 'Arial', DEFAULT_FONTS.body, DEFAULT_FONTS.heading];
const table: WidthTable = { characters: TABLE_CHARACTERS.join(''), faces: {} };
for (const name of names) {
  for (const bold of [false, true]) {
    for (const italic of [false, true]) {
      const face = { name, bold, italic };
      const widths = probeWidths(face, TABLE_CHARACTERS);
      const wide = [...probeWidths(face, WIDE_SAMPLE).values()];
      const sameWide = wide.every((w) => w !== undefined && Math.abs(w - wide[0]!) < 1e-9);
      table.faces[faceKey(face)] = {
        widths: TABLE_CHARACTERS.map((c) => {
          const w = widths.get(c);
          if (w === undefined) throw new Error(`no width for U+${c.codePointAt(0)!.toString(16)} in ${faceKey(face)}`);
          return Math.round(w * 1e6) / 1e6;
        }),
        ...(sameWide ? { wide: Math.round(wide[0]! * 1e6) / 1e6 } : {}),
      };
      console.log(faceKey(face), sameWide ? `full width ${wide[0]}` : 'full width varies');
    }
  }
}
writeFileSync(join(import.meta.dirname, 'widthTable.json'), JSON.stringify(table) + '\n');
