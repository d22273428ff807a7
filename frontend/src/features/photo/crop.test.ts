import { describe, expect, it } from "vitest";
import { CENTRED, dragged, squareOf, stepped } from "./crop";

describe("squareOf", () => {
  it("takes the largest centred square at zoom 1", () => {
    expect(squareOf(1200, 900, CENTRED)).toEqual({ x: 150, y: 0, size: 900 });
    expect(squareOf(900, 1200, CENTRED)).toEqual({ x: 0, y: 150, size: 900 });
  });

  it("zooms in and moves to the edges", () => {
    expect(squareOf(1200, 900, { zoom: 2, x: 0, y: 1 })).toEqual({ x: 0, y: 450, size: 450 });
    expect(squareOf(1200, 900, { zoom: 2, x: 1, y: 0 })).toEqual({ x: 750, y: 0, size: 450 });
  });

  it("keeps the square inside the image whatever the controls say", () => {
    const square = squareOf(1000, 800, { zoom: 99, x: 5, y: -3 });
    expect(square.size).toBe(200);
    expect(square.x + square.size).toBeLessThanOrEqual(1000);
    expect(square.y).toBe(0);
  });

  it("never asks for a square smaller than the API takes", () => {
    expect(squareOf(100, 100, { zoom: 4, x: 0.5, y: 0.5 }).size).toBe(32);
  });
});

describe("keyboard and drag", () => {
  it("moves with the arrows and zooms with + and -", () => {
    expect(stepped(CENTRED, "ArrowRight")).toEqual({ zoom: 1, x: 0.6, y: 0.5 });
    expect(stepped(CENTRED, "+")?.zoom).toBe(1.25);
    expect(stepped(CENTRED, "-")?.zoom).toBe(1);
    expect(stepped(CENTRED, "a")).toBeNull();
  });

  it("drags the picture, so the square moves the other way", () => {
    const moved = dragged({ zoom: 2, x: 0.5, y: 0.5 }, { width: 1200, height: 900 }, 225, 100, 0);
    // 450 image pixels shown in 225 screen pixels: 100 screen pixels are 200 image pixels of 750 to spare.
    expect(moved.x).toBeCloseTo(0.5 - 200 / 750);
    expect(moved.y).toBe(0.5);
  });
});
