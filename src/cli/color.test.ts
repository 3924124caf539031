import { describe, expect, it } from 'vitest';
import { colorWanted } from './color.js';

const tty = { isTTY: true };
const pipe = {};

describe('colorWanted: one decision for every command', () => {
  it('colours a terminal, not a pipe', () => {
    expect(colorWanted(true, {}, {}, tty)).toBe(true);
    expect(colorWanted(true, {}, {}, pipe)).toBe(false);
  });

  it('never with --no-color, NO_COLOR or output to a file, whatever FORCE_COLOR says', () => {
    expect(colorWanted(false, {}, {}, tty)).toBe(false);
    expect(colorWanted(true, {}, { NO_COLOR: '1' }, tty)).toBe(false);
    expect(colorWanted(true, { toFile: true }, {}, tty)).toBe(false);
    expect(colorWanted(true, { toFile: true }, { FORCE_COLOR: '1' }, pipe)).toBe(false);
    expect(colorWanted(true, {}, { NO_COLOR: '1', FORCE_COLOR: '1' }, pipe)).toBe(false);
  });

  it('through a pipe when FORCE_COLOR is set to anything but empty, 0 or false', () => {
    for (const v of ['1', '2', 'true']) expect(colorWanted(true, {}, { FORCE_COLOR: v }, pipe), v).toBe(true);
    for (const v of ['', '0', 'false']) expect(colorWanted(true, {}, { FORCE_COLOR: v }, pipe), v).toBe(false);
  });
});
