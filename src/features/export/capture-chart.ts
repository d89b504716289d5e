/**
 * The chart on screen as SVG markup for the export: a deep clone of the chart's root svg
 * (`svg[data-kpi-chart]`: Recharts' surface, or the hand-drawn comparison), with what CSS gave it written into attributes,
 * hover decorations and hidden parts dropped, and the strip under the plot where the HTML
 * legend sat cut off (the export draws its own legend).
 */
export interface ChartCapture {
  /** A `<g>` holding the chart's content, in the chart's own coordinates. */
  markup: string;
  width: number;
  height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties worth carrying, with the value that needs no attribute. */
const PROPERTIES: Record<string, string> = {
  fill: 'rgb(0, 0, 0)',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-dasharray': 'none',
  'stroke-opacity': '1',
  'fill-opacity': '1',
  opacity: '1',
  'font-weight': '400',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
};
const STYLED = new Set(['text', 'tspan', 'line', 'path', 'rect', 'circle', 'ellipse', 'polyline', 'polygon']);
const DROP = '.recharts-tooltip-cursor, .recharts-active-dot, title, desc';
const DROP_ATTRIBUTES = ['tabindex', 'role', 'style', 'name', 'aria-label', 'data-kpi-bar'];

function inlineStyles(original: Element, clone: Element): void {
  const tag = original.localName;
  if (STYLED.has(tag)) {
    const computed = getComputedStyle(original);
    for (const [prop, initial] of Object.entries(PROPERTIES)) {
      if (clone.hasAttribute(prop)) continue;
      const value = computed.getPropertyValue(prop);
      if (value && value !== initial) clone.setAttribute(prop, value);
    }
    if ((tag === 'text' || tag === 'tspan') && !clone.hasAttribute('font-size') && tag === 'text') {
      clone.setAttribute('font-size', computed.fontSize);
    }
  }
  for (const name of DROP_ATTRIBUTES) clone.removeAttribute(name);
  const a = original.children;
  const b = clone.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i]!, b[i]!);
}

function isHidden(el: Element): boolean {
  const s = getComputedStyle(el);
  return s.display === 'none' || s.visibility === 'hidden';
}

export function captureChart(svg: SVGSVGElement): ChartCapture {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || box.width;
  let height = Number(svg.getAttribute('height')) || box.height;

  // Recharts' HTML legend overlays the bottom of the surface: keep only the part above it.
  // (The comparison chart's legend sits under its svg, outside it.)
  const legend = svg.parentElement?.querySelector('.recharts-legend-wrapper');
  if (legend && box.height > 0) {
    const top = legend.getBoundingClientRect().top - box.top;
    if (top > height / 2 && top < height) height = Math.ceil(top * (height / box.height));
  }

  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  // Hidden parts are found on the original (computed style), then dropped from the clone by position.
  const originals = [...svg.querySelectorAll('*')];
  const clones = [...clone.querySelectorAll('*')];
  originals.forEach((el, i) => {
    if (isHidden(el)) clones[i]?.setAttribute('data-drop', '');
  });
  clone.querySelectorAll(`${DROP}, [data-drop]`).forEach((el) => el.remove());

  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('class', 'chart');
  while (clone.firstChild) group.appendChild(clone.firstChild);
  return { markup: new XMLSerializer().serializeToString(group), width, height };
}
