// CJK faces bundled with the app, used only where the system has none (many Linux machines):
// they sit last in the font stacks and the browser fetches them only when a glyph needs them.
import sansUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import sansBoldUrl from '@expo-google-fonts/noto-sans-sc/600SemiBold/NotoSansSC_600SemiBold.ttf?url';
import serifUrl from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url';

export function registerBundledFonts(fonts: FontFaceSet = document.fonts): void {
  const faces = [
    new FontFace('Weekly Desk Sans', `url(${sansUrl})`, { weight: '400', display: 'swap' }),
    new FontFace('Weekly Desk Sans', `url(${sansBoldUrl})`, { weight: '600 700', display: 'swap' }),
    new FontFace('Weekly Desk Serif', `url(${serifUrl})`, { weight: '400 700', display: 'swap' }),
  ];
  for (const face of faces) fonts.add(face);
}
