// A small element builder: h('p', {class: 'x'}, 'text', child…). Texts
// become text nodes (never markup); attributes that are false, null or
// undefined are left off, true gives an empty attribute.

export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The same for SVG: s('circle', {cx: '40%', r: 10}). */
export function s(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Text only screen readers read (a button's context, say). */
export const hidden = (text) => h('span', { class: 'vh' }, text);

/** An id attribute from a draft path: `factors[1].name.en` -> `f-factors-1-name-en`. */
export const fieldId = (path, prefix = 'f') => `${prefix}-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '')}`;
