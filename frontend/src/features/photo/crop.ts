/**
 * The square a person cuts out of a photo with the zoom and position controls, in the image's own pixels (the
 * upright image, as the browser shows it: what `setCvPhoto`'s crop means).
 *
 * Zoom 1 is the largest square that fits; zoom 2 a square half as wide. Position 0 puts the square at the image's
 * left (or top) edge, 1 at its right (or bottom) edge, 0.5 in the middle.
 */
export interface CropControls {
  zoom: number;
  x: number;
  y: number;
}

export interface Square {
  x: number;
  y: number;
  size: number;
}

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 4;
export const CENTRED: CropControls = { zoom: 1, x: 0.5, y: 0.5 };
/** The API refuses a smaller square: a portrait needs some pixels. */
export const MIN_SIDE = 32;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function squareOf(width: number, height: number, controls: CropControls): Square {
  const largest = Math.min(width, height);
  const zoom = clamp(controls.zoom, MIN_ZOOM, MAX_ZOOM);
  const size = Math.max(Math.min(MIN_SIDE, largest), Math.floor(largest / zoom));
  return {
    x: Math.round((width - size) * clamp(controls.x, 0, 1)),
    y: Math.round((height - size) * clamp(controls.y, 0, 1)),
    size,
  };
}

/** A keyboard step on the crop area: arrows move the square by a tenth, + and - zoom. Null for other keys. */
export function stepped(controls: CropControls, key: string): CropControls | null {
  const move = 0.1;
  switch (key) {
    case "ArrowLeft":
      return { ...controls, x: clamp(controls.x - move, 0, 1) };
    case "ArrowRight":
      return { ...controls, x: clamp(controls.x + move, 0, 1) };
    case "ArrowUp":
      return { ...controls, y: clamp(controls.y - move, 0, 1) };
    case "ArrowDown":
      return { ...controls, y: clamp(controls.y + move, 0, 1) };
    case "+":
    case "=":
      return { ...controls, zoom: clamp(controls.zoom + 0.25, MIN_ZOOM, MAX_ZOOM) };
    case "-":
      return { ...controls, zoom: clamp(controls.zoom - 0.25, MIN_ZOOM, MAX_ZOOM) };
    default:
      return null;
  }
}

/** Dragging the picture by (dx, dy) screen pixels in a frame `frame` pixels wide moves the square the other way. */
export function dragged(
  controls: CropControls,
  image: { width: number; height: number },
  frame: number,
  dx: number,
  dy: number,
): CropControls {
  const square = squareOf(image.width, image.height, controls);
  const perPixel = square.size / frame; // image pixels per screen pixel
  const spareX = image.width - square.size;
  const spareY = image.height - square.size;
  return {
    ...controls,
    x: spareX > 0 ? clamp(controls.x - (dx * perPixel) / spareX, 0, 1) : controls.x,
    y: spareY > 0 ? clamp(controls.y - (dy * perPixel) / spareY, 0, 1) : controls.y,
  };
}
