/** A uniform random source on [0, 1): one seeded stream per component (see streams.ts). */
export type Rng = () => number;
