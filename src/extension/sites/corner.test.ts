import { describe, expect, it } from 'vitest';
import { cornerAfterKey, cornerPosition, isCorner, nearestCorner } from './corner';

describe('pill corners', () => {
  it('drops a drag in the nearest corner', () => {
    expect(nearestCorner(10, 10, 1000, 800)).toBe('top-left');
    expect(nearestCorner(990, 10, 1000, 800)).toBe('top-right');
    expect(nearestCorner(10, 790, 1000, 800)).toBe('bottom-left');
    expect(nearestCorner(600, 500, 1000, 800)).toBe('bottom-right');
  });
  it('moves by arrow keys and ignores other keys or no-op moves', () => {
    expect(cornerAfterKey('bottom-right', 'ArrowUp')).toBe('top-right');
    expect(cornerAfterKey('bottom-right', 'ArrowLeft')).toBe('bottom-left');
    expect(cornerAfterKey('top-left', 'ArrowDown')).toBe('bottom-left');
    expect(cornerAfterKey('top-left', 'ArrowRight')).toBe('top-right');
    expect(cornerAfterKey('top-left', 'ArrowUp')).toBeNull();
    expect(cornerAfterKey('top-left', 'Enter')).toBeNull();
  });
  it('positions from the right edges and validates stored values', () => {
    expect(cornerPosition('bottom-right', 16)).toEqual({ bottom: '16px', right: '16px' });
    expect(isCorner('top-left')).toBe(true);
    expect(isCorner('middle')).toBe(false);
  });
});
