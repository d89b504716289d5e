import { act, render } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NEAR_SCREEN_MARGIN, useNearScreen } from './use-near-screen';

/** A stand-in IntersectionObserver: the test says when the element comes near. */
class FakeObserver {
  static made: FakeObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    FakeObserver.made.push(this);
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
  unobserve() {}
  takeRecords() {
    return [];
  }
  /** The browser's report for its element: near or not. */
  report(isIntersecting: boolean) {
    this.callback([{ isIntersecting, target: this.observed[0]! } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

function Box({ watching = true }: { watching?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [calls, setCalls] = useState(0);
  useNearScreen(ref, watching && !near, () => {
    setNear(true);
    setCalls((n) => n + 1);
  });
  return (
    <div ref={ref} data-testid="box">
      {near ? `near ${calls}` : 'far'}
    </div>
  );
}

describe('useNearScreen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says near at once where nearness cannot be observed (no IntersectionObserver)', () => {
    const { getByTestId } = render(<Box />);
    expect(getByTestId('box').textContent).toBe('near 1');
  });

  describe('with IntersectionObserver', () => {
    beforeEach(() => {
      FakeObserver.made = [];
      vi.stubGlobal('IntersectionObserver', FakeObserver);
    });

    it('waits until the box comes within a viewport height of the screen, then says so once and stops watching', () => {
      const { getByTestId } = render(<Box />);
      expect(getByTestId('box').textContent).toBe('far');
      const observer = FakeObserver.made[0]!;
      expect(observer.observed).toEqual([getByTestId('box')]);
      expect(observer.options?.rootMargin).toBe(NEAR_SCREEN_MARGIN);

      act(() => observer.report(false));
      expect(getByTestId('box').textContent).toBe('far');
      act(() => observer.report(true));
      expect(getByTestId('box').textContent).toBe('near 1');
      expect(observer.disconnected).toBe(true);
      expect(FakeObserver.made).toHaveLength(1);
    });

    it('does not watch while told not to, and stops watching when unmounted', () => {
      const { getByTestId, rerender, unmount } = render(<Box watching={false} />);
      expect(FakeObserver.made).toHaveLength(0);
      rerender(<Box />);
      expect(FakeObserver.made).toHaveLength(1);
      expect(getByTestId('box').textContent).toBe('far');
      unmount();
      expect(FakeObserver.made[0]!.disconnected).toBe(true);
    });
  });
});
