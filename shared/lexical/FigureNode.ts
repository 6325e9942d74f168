// A figure: one image with its caption (`<figure><img><figcaption>`), or a caption alone when a
// clipping lost its image. Stored as `{ type: 'figure', version: 1, src, altText, caption, width?, height? }`
// (see shared/content/lexicalJson.ts). decorate() returns null here; the editor replaces this node
// with a React view through Lexical node replacement, so the headless importer never needs React.
import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';

export type SerializedFigureNode = Spread<
  { src: string; altText: string; caption: string; width?: number; height?: number },
  SerializedLexicalNode
>;

export interface FigurePayload {
  src?: string;
  altText?: string;
  caption?: string;
  width?: number;
  height?: number;
  key?: NodeKey;
}

function positiveInt(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 && n < 100_000 ? n : undefined;
}

/** The image address of an `<img>`: lazy-loading pages (WeChat) keep it in data-src. */
export function imageSource(img: Element): string {
  const candidates = [img.getAttribute('src'), img.getAttribute('data-src'), img.getAttribute('data-original')];
  const real = candidates.find((c) => c && !c.startsWith('data:image/gif') && !c.startsWith('data:image/svg'));
  return (real ?? candidates.find((c) => !!c) ?? '').trim();
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function convertFigure(element: HTMLElement): DOMConversionOutput {
  // The first of each, as querySelector finds it, without a selector engine (jsdom sets one up per imported page).
  const img: HTMLImageElement | undefined = element.getElementsByTagName('img')[0];
  const caption: HTMLElement | undefined = element.getElementsByTagName('figcaption')[0];
  const node = $createFigureNode({
    src: img ? imageSource(img) : '',
    altText: collapse(img?.getAttribute('alt')),
    caption: collapse(caption?.textContent),
    width: positiveInt(img?.getAttribute('width')),
    height: positiveInt(img?.getAttribute('height')),
  });
  // The figure's children (img, figcaption) are already read; drop them.
  return { node, after: () => [] };
}

function convertImage(element: HTMLElement): DOMConversionOutput {
  return {
    node: $createFigureNode({
      src: imageSource(element),
      altText: collapse(element.getAttribute('alt')),
      caption: '',
      width: positiveInt(element.getAttribute('width')),
      height: positiveInt(element.getAttribute('height')),
    }),
  };
}

export class FigureNode extends DecoratorNode<null> {
  __src: string;
  __altText: string;
  __caption: string;
  __width: number | undefined;
  __height: number | undefined;

  static override getType(): string {
    return 'figure';
  }

  static override clone(node: FigureNode): FigureNode {
    return new FigureNode(node.payload(), node.__key);
  }

  /** What the node shows, as its constructor takes it (subclasses clone from it). */
  payload(): FigurePayload {
    return { src: this.__src, altText: this.__altText, caption: this.__caption, width: this.__width, height: this.__height };
  }

  constructor(payload: FigurePayload = {}, key?: NodeKey) {
    super(key ?? payload.key);
    this.__src = payload.src ?? '';
    this.__altText = payload.altText ?? '';
    this.__caption = payload.caption ?? '';
    this.__width = payload.width;
    this.__height = payload.height;
  }

  static override importJSON(serialized: SerializedFigureNode): FigureNode {
    return $createFigureNode().updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedFigureNode>): this {
    const node = super.updateFromJSON(serialized).getWritable();
    node.__src = serialized.src ?? '';
    node.__altText = serialized.altText ?? '';
    node.__caption = serialized.caption ?? '';
    node.__width = serialized.width;
    node.__height = serialized.height;
    return node;
  }

  override exportJSON(): SerializedFigureNode {
    const json: SerializedFigureNode = {
      type: 'figure',
      version: 1,
      src: this.__src,
      altText: this.__altText,
      caption: this.__caption,
    };
    if (this.__width !== undefined) json.width = this.__width;
    if (this.__height !== undefined) json.height = this.__height;
    return json;
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      figure: () => ({ conversion: convertFigure, priority: 1 }),
      img: () => ({ conversion: convertImage, priority: 0 }),
    };
  }

  override exportDOM(): DOMExportOutput {
    const figure = document.createElement('figure');
    if (this.__src) {
      const img = document.createElement('img');
      img.setAttribute('src', this.__src);
      img.setAttribute('alt', this.__altText);
      if (this.__width) img.setAttribute('width', String(this.__width));
      if (this.__height) img.setAttribute('height', String(this.__height));
      figure.append(img);
    }
    if (this.__caption) {
      const caption = document.createElement('figcaption');
      caption.textContent = this.__caption;
      figure.append(caption);
    }
    return { element: figure };
  }

  override createDOM(): HTMLElement {
    return document.createElement('div');
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return this.__caption;
  }

  getSrc(): string {
    return this.getLatest().__src;
  }

  getAltText(): string {
    return this.getLatest().__altText;
  }

  getCaption(): string {
    return this.getLatest().__caption;
  }

  setSrc(src: string): this {
    const writable = this.getWritable();
    writable.__src = src;
    return writable;
  }

  setCaption(caption: string): this {
    const writable = this.getWritable();
    writable.__caption = caption;
    return writable;
  }

  override decorate(): null {
    return null;
  }
}

export function $createFigureNode(payload: FigurePayload = {}): FigureNode {
  return $applyNodeReplacement(new FigureNode(payload));
}

export function $isFigureNode(node: LexicalNode | null | undefined): node is FigureNode {
  return node instanceof FigureNode;
}
