// Elements under a root that pass a test, in document order, by walking the tree: on jsdom a walk
// costs less than its selector engine, which is set up anew for every parsed page.
export function elementsWhere(root: ParentNode, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [];
  for (let c = root.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (test(el)) out.push(el);
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}
