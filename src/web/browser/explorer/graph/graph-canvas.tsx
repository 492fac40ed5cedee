import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { useEffect, useRef } from 'react';
import { edgeQualifier } from '../model/edge-facts.ts';
import type { Point, Selection, Visible } from '../model/view.ts';
import { graphStylesheet } from './cytoscape-style.ts';
import { emphasise, type Focus } from './emphasis.ts';
import { placeNewNodes } from './initial-places.ts';
import { labelFont, measureLabel } from './label-font.ts';
import { planLayout } from './layouts.ts';
import { linesFor, nodeLabels } from './node-labels.ts';
import { seedOf, withSeededRandom } from './seeded-random.ts';

cytoscape.use(fcose);
cytoscape.use(svg);

export interface GraphCanvasProps {
  visible: Visible;
  pinned: ReadonlyMap<string, Point | null>;
  selection: Selection;
  /** The entities and relations of the path search, drawn highlighted. */
  onPath: ReadonlySet<string>;
  /** The entities whose neighbourhoods were added, the first drawn larger; their names stay legible at any zoom. */
  roots: readonly string[];
  layoutRequest: number;
  onSelect(selection: Selection): void;
  onExpand(id: string): void;
  /** Hands the Cytoscape instance to whoever exports pictures of it. */
  onReady(cy: Core | null): void;
}

function elementsOf(visible: Visible): ElementDefinition[] {
  const labels = nodeLabels(visible.entities, {
    lineWidth: labelFont.lineWidth,
    maxLines: linesFor(visible.entities.length),
    measure: (text) => measureLabel(text),
  });
  return [
    ...visible.entities.map((entity) => ({
      group: 'nodes' as const,
      data: { id: entity.id, label: labels.get(entity.id) ?? entity.name, type: entity.__typename },
    })),
    ...visible.edges.map((edge) => ({
      group: 'edges' as const,
      data: {
        id: edge.key,
        source: edge.from.id,
        target: edge.to.id,
        type: edge.type,
        qualifier: edgeQualifier(edge) ?? '',
        evidence: edge.evidence ?? '',
      },
    })),
  ];
}

/** What the canvas emphasises (emphasis.ts): the selection and what is under the mouse, the roots, the path. */
function focusOf(props: GraphCanvasProps, hovered: string | null): Focus {
  const { selection } = props;
  const selected = selection?.kind === 'entity' ? selection.id : selection?.kind === 'edge' ? selection.key : null;
  return { selected, hovered, roots: props.roots, onPath: props.onPath };
}

/**
 * How much one wheel notch (100 px in Chrome) zooms: about a quarter, so that the names of a
 * crowded view, fitted below the size they are drawn at, come in two or three notches.
 */
const zoomPerNotch = 1.25;
const notchPixels = 100;

/**
 * Wheel zoom of our own, taken before Cytoscape's: Cytoscape 3.35 counts a mouse notch as three
 * pixels of a touchpad (2.8 % a notch, so five notches barely changed the size of a name), and
 * its wheelSensitivity, which it warns against, would speed up touchpads as much, already fast.
 * Here a step zooms by how far it scrolls, alike for both: a notch a quarter, a touchpad by its
 * pixels; a pinch (a wheel event with ctrlKey) four times as fast, as its steps are small.
 */
function zoomOnWheel(cy: Core, holder: HTMLElement): (event: WheelEvent) => void {
  return (event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    const unit =
      event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 40 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? holder.clientHeight : 1;
    const notches = (-event.deltaY * unit * (event.ctrlKey ? 4 : 1)) / notchPixels;
    // A fling comes as a few large steps: each at most four notches.
    const level = cy.zoom() * zoomPerNotch ** Math.max(-4, Math.min(4, notches));
    const box = holder.getBoundingClientRect();
    cy.zoom({ level, renderedPosition: { x: event.clientX - box.left, y: event.clientY - box.top } });
  };
}

/** Where an entity is drawn now, in graph coordinates; null when it is not drawn. */
export function placeOf(cy: Core | null, id: string): Point | null {
  const node = cy?.getElementById(id);
  if (!node || node.empty()) return null;
  const { x, y } = node.position();
  return { x, y };
}

/** The node-link drawing: Cytoscape on a canvas, kept in step with the view. */
export function GraphCanvas(props: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef(props);
  handlers.current = props;
  const laidOut = useRef(0);
  const hovered = useRef<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const holder = container.current;
    // Listening in the capture phase on the container before Cytoscape does, this runs first and stops Cytoscape's.
    let onWheel: ((event: WheelEvent) => void) | null = null;
    const wheel = (event: WheelEvent) => onWheel?.(event);
    holder.addEventListener('wheel', wheel, { capture: true, passive: false });
    const cy = cytoscape({
      container: container.current,
      style: graphStylesheet(),
      minZoom: 0.1,
      maxZoom: 4,
      selectionType: 'single',
      boxSelectionEnabled: false,
    });
    onWheel = zoomOnWheel(cy, holder);
    cy.on('tap', 'node', (event) => handlers.current.onSelect({ kind: 'entity', id: event.target.id() }));
    // Grabbing an entity to drag it selects it, so that Pin in place, next, pins the one just moved.
    cy.on('grab', 'node', (event) => {
      const { selection } = handlers.current;
      const id: string = event.target.id();
      if (selection?.kind !== 'entity' || selection.id !== id) handlers.current.onSelect({ kind: 'entity', id });
    });
    cy.on('tap', 'edge', (event) => handlers.current.onSelect({ kind: 'edge', key: event.target.id() }));
    cy.on('tap', (event) => {
      if (event.target === cy) handlers.current.onSelect(null);
    });
    cy.on('dbltap', 'node', (event) => handlers.current.onExpand(event.target.id()));
    // What is under the mouse is looked at too: its name and its relations' types are written.
    cy.on('mouseover', 'node, edge', (event) => {
      hovered.current = event.target.id();
      emphasise(cy, focusOf(handlers.current, hovered.current));
    });
    const leave = () => {
      hovered.current = null;
      emphasise(cy, focusOf(handlers.current, null));
    };
    cy.on('mouseout', 'node, edge', leave);
    // A pointer that leaves the canvas straight from a node gets no mouseout from Cytoscape.
    holder.addEventListener('mouseleave', leave);
    // Emphasised labels keep their size on screen, and a relation's label shows where it covers nothing.
    let zooming = 0;
    cy.on('zoom layoutstop dragfree', () => {
      cancelAnimationFrame(zooming);
      zooming = requestAnimationFrame(() => emphasise(cy, focusOf(handlers.current, hovered.current)));
    });
    cyRef.current = cy;
    handlers.current.onReady(cy);
    return () => {
      holder.removeEventListener('wheel', wheel, { capture: true });
      holder.removeEventListener('mouseleave', leave);
      handlers.current.onReady(null);
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Elements: remove what left the view, add what entered it next to a neighbour already placed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: props.pinned is read for where new nodes start, not a reason to add any.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = elementsOf(props.visible);
    const wantedIds = new Set(wanted.map((element) => element.data.id));
    cy.batch(() => {
      cy.elements()
        .filter((element) => !wantedIds.has(element.id()))
        .remove();
      const fresh = wanted.filter((element) => element.data.id && cy.getElementById(element.data.id).empty());
      const added = cy.add(fresh.filter((element) => element.group === 'nodes'));
      cy.add(fresh.filter((element) => element.group === 'edges'));
      placeNewNodes(cy, added.nodes(), props.pinned);
      // A label depends on the others in view (how many, which read alike): those already drawn may change.
      for (const element of wanted) {
        const node = element.group === 'nodes' && element.data.id ? cy.getElementById(element.data.id) : undefined;
        if (node && node.data('label') !== element.data.label) node.data('label', element.data.label);
      }
    });
  }, [props.visible]);

  // Classes and selection follow the view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: props.visible too, to mark the nodes the effect above just added.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        node.toggleClass('pinned', props.pinned.has(node.id()));
        node.toggleClass('centre', node.id() === props.roots[0]);
        const pin = props.pinned.get(node.id());
        if (pin === undefined) {
          node.unlock();
          return;
        }
        // A pin from a link puts the node back where it was pinned; the layout works around it.
        const { x, y } = node.position();
        if (pin && (Math.abs(pin.x - x) > 0.5 || Math.abs(pin.y - y) > 0.5)) node.unlock().position(pin);
        node.lock();
      });
      cy.elements().forEach((element) => {
        element.toggleClass('on-path', props.onPath.has(element.id()));
      });
      cy.elements().unselect();
      const selected =
        props.selection?.kind === 'entity'
          ? cy.getElementById(props.selection.id)
          : props.selection?.kind === 'edge'
            ? cy.getElementById(props.selection.key)
            : undefined;
      selected?.select();
    });
    emphasise(cy, focusOf(props, hovered.current));
  }, [props.pinned, props.onPath, props.selection, props.roots, props.visible]);

  // A fresh layout when asked (new neighbours, a path, the re-layout button); pinned nodes stay put.
  // biome-ignore lint/correctness/useExhaustiveDependencies: props.visible too, so a request made before the elements arrived runs once they have.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || props.layoutRequest === laidOut.current || cy.nodes().empty()) return;
    const first = laidOut.current === 0;
    laidOut.current = props.layoutRequest;
    const fixed = cy
      .nodes()
      .filter((node) => node.locked())
      .nodes()
      // A copy: position() is the node's own object, which the layout moves.
      .map((node) => ({ nodeId: node.id(), position: { ...node.position() } }));
    cy.nodes().unlock();
    const { elements, options } = planLayout({ cy, roots: props.roots, onPath: props.onPath, first, fixed });
    const layout = elements.layout(options);
    layout.one('layoutstop', () => {
      // With labels in the nodes' dimensions fcose keeps a fixed node's box, label included, where
      // the node was, which moves the node itself by half its label: put it back exactly.
      for (const { nodeId, position } of fixed) cy.getElementById(nodeId).position(position).lock();
    });
    withSeededRandom(seedOf(cy.nodes().map((node) => node.id())), () => layout.run());
  }, [props.layoutRequest, props.visible]);

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" />;
}
