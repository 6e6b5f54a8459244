/**
 * Resolves once the map has drawn its first frame (or found it cannot draw): work that would delay that
 * frame — building a big graph after its overview is on screen — waits for it.
 */
let signal: () => void = () => {};
const drawn = new Promise<void>((resolve) => (signal = resolve));

export const mapDrawn = (): Promise<void> => drawn;

export function signalMapDrawn(): void {
  signal();
}
