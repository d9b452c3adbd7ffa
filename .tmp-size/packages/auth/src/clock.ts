/** Milliseconds since the Unix epoch. Injectable so tests and clock-skew correction can move time. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
